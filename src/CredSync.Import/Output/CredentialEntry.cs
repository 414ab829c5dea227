namespace CredSync.Import.Output;

/// <summary>One credential key of a principal and the secret reference it is read from.</summary>
internal sealed record CredentialEntry(string Key, string SecretReference, bool Encrypted);
