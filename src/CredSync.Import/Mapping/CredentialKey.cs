namespace CredSync.Import.Mapping;

/// <summary>
/// A credential key a principal needs, and whether Salesforce stores it encrypted.
/// </summary>
internal sealed record CredentialKey(string Name, bool Encrypted = true);
