namespace CredSync.LocalOrg;

/// <summary>A principal of an external credential, with the credential values it holds.</summary>
internal sealed class StoredPrincipal
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string Type { get; set; } = "";

    public int Sequence { get; set; }

    public List<StoredParameter> Parameters { get; set; } = [];

    /// <summary>Bumped by every write of this principal's values.</summary>
    public int Revision { get; set; }

    public Dictionary<string, StoredCredentialValue> Credentials { get; set; } = [];
}
