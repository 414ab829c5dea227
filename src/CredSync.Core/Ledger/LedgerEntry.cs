namespace CredSync.Core.Ledger;

/// <summary>What CredSync last wrote to one credential key: a keyed fingerprint, never the value.</summary>
public sealed record LedgerEntry(string Fingerprint, bool Encrypted, DateTimeOffset WrittenAt);
