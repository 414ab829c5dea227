namespace CredSync.Core.Planning;

/// <summary>
/// One change to one address, with the exact calls it makes. <see cref="Reason"/> explains the
/// change to a person and never steers apply.
/// </summary>
public sealed record PlannedChange(
    string Address,
    ResourceKind Kind,
    ChangeAction Action,
    IReadOnlyList<ApiCall> Calls,
    IReadOnlyList<FieldChange> Fields,
    IReadOnlyList<KeyChange> Keys,
    string Reason,
    IReadOnlyList<string> DependsOn,
    string LiveDigest,
    IReadOnlyDictionary<string, string> Fingerprints)
{
    /// <summary>The body of a credential write; null for other calls.</summary>
    public CredentialWrite? Write { get; init; }

    /// <summary>Keys a credential DELETE removes; null when the call removes every value.</summary>
    public IReadOnlyList<string>? DeleteKeys { get; init; }

    /// <summary>Name of the resource this change concerns (developer name, or "EC/Principal").</summary>
    public required string Name { get; init; }

    public int SecretValuesToSet => Keys.Count(k => k.Kind is KeyChangeKind.Add or KeyChangeKind.Change);
}
