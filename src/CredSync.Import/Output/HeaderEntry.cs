namespace CredSync.Import.Output;

/// <summary>An HTTP header as credsync.yaml writes it, with an optional note beside it.</summary>
internal sealed record HeaderEntry(string Name, string Value, string? Comment = null);
