namespace CredSync.LocalOrg;

/// <summary>A custom header of an external or named credential.</summary>
internal sealed class StoredHeader
{
    public string Name { get; set; } = "";

    public string Value { get; set; } = "";

    public int Sequence { get; set; }
}
