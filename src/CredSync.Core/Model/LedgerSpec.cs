namespace CredSync.Core.Model;

/// <summary>Where the fingerprint ledger lives and where its HMAC key comes from.</summary>
public sealed record LedgerSpec(string Path, SecretReference? Key, string DefaultKeyPath)
{
    /// <summary>Where the key reference is written, for messages about it.</summary>
    public Diagnostics.SourceLocation? KeyLocation { get; init; }
}
