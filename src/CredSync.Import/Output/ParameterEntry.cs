namespace CredSync.Import.Output;

/// <summary>An external credential parameter as credsync.yaml writes it.</summary>
internal sealed record ParameterEntry(string Type, string Name, string? Value, string? Description);
