namespace CredSync.Import.Output;

/// <summary>A legacy named credential that the YAML lists in its header and leaves out.</summary>
internal sealed record LegacyNamedCredentialNote(string Name, string RelativePath, string Reason);
