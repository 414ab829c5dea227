namespace CredSync.Core.Planning;

/// <summary>What a change does to its address.</summary>
public enum ChangeAction
{
    NoOp,
    Create,
    Update,
    Delete,

    /// <summary>Delete, then create again: for changes Salesforce cannot make in place.</summary>
    Replace,
}
