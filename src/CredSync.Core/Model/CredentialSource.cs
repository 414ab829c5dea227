namespace CredSync.Core.Model;

/// <summary>How the value of one credential key is given in the file.</summary>
public enum CredentialSource
{
    /// <summary>Read from a secret store.</summary>
    Secret,

    /// <summary>Written in the file; allowed only unencrypted.</summary>
    Literal,

    /// <summary>Written at run time by someone else (Apex, an OAuth flow); never touched.</summary>
    RuntimeManaged,
}
