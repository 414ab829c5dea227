namespace CredSync.Core.Model;

/// <summary>Where the fingerprint ledger lives and where its HMAC key comes from.</summary>
public sealed record LedgerSpec(string Path, SecretReference? Key, string DefaultKeyPath);
