namespace CredSync.LocalOrg;

/// <summary>A parameter of an external credential, a principal or a named credential.</summary>
internal sealed class StoredParameter
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string Type { get; set; } = "";

    public string Value { get; set; } = "";

    public string? Description { get; set; }
}
