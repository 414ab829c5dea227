namespace CredSync.LocalOrg;

/// <summary>
/// A parsed Credential Input body; its protocol rules are checked once its external credential
/// is known.
/// </summary>
internal sealed record CredentialInput(
    string ExternalCredential,
    string? PrincipalName,
    string PrincipalType,
    string Protocol,
    string? Variant,
    IReadOnlyList<KeyValuePair<string, CredentialValueInput>> Credentials);
