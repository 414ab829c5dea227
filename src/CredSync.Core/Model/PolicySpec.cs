namespace CredSync.Core.Model;

/// <summary>What may be deleted: nothing undeclared unless <see cref="Prune"/>; never a protected address.</summary>
public sealed record PolicySpec(bool Prune, IReadOnlyList<string> Protect)
{
    public static PolicySpec Default { get; } = new(false, []);

    // Salesforce names are case-insensitive, so a protect entry is too.
    public bool IsProtected(string address) => Protect.Contains(address, StringComparer.OrdinalIgnoreCase);
}
