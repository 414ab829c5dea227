namespace CredSync.LocalOrg;

/// <summary>
/// One Credential Value Input; a class, not a record, so that no generated ToString prints
/// the value.
/// </summary>
internal sealed class CredentialValueInput
{
    public CredentialValueInput(bool encrypted, string value)
    {
        Encrypted = encrypted;
        Value = value;
    }

    public bool Encrypted { get; }

    public string Value { get; }

    public override string ToString()
    {
        return Encrypted ? "(encrypted value)" : "(unencrypted value)";
    }
}
