namespace CredSync.LocalOrg;

/// <summary>An external credential as kept in the state file.</summary>
internal sealed class StoredExternalCredential
{
    public string Id { get; set; } = "";

    public string DeveloperName { get; set; } = "";

    public string MasterLabel { get; set; } = "";

    public string Protocol { get; set; } = "";

    public string? Variant { get; set; }

    public List<StoredHeader> Headers { get; set; } = [];

    public List<StoredParameter> Parameters { get; set; } = [];

    public List<StoredPrincipal> Principals { get; set; } = [];
}
