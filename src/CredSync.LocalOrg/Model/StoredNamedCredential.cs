namespace CredSync.LocalOrg;

/// <summary>A named credential as kept in the state file.</summary>
internal sealed class StoredNamedCredential
{
    public string Id { get; set; } = "";

    public string DeveloperName { get; set; } = "";

    public string MasterLabel { get; set; } = "";

    public string Type { get; set; } = "";

    public string CalloutUrl { get; set; } = "";

    public string CalloutStatus { get; set; } = "Enabled";

    public string? Description { get; set; }

    public bool AllowMergeFieldsInBody { get; set; }

    public bool AllowMergeFieldsInHeader { get; set; }

    public bool GenerateAuthorizationHeader { get; set; }

    /// <summary>The developer name of the one external credential it uses.</summary>
    public string ExternalCredential { get; set; } = "";

    public string? NetworkConnection { get; set; }

    public List<StoredHeader> Headers { get; set; } = [];

    public List<StoredParameter> Parameters { get; set; } = [];
}
