namespace CredSync.Core.Live;

/// <summary>
/// What the org holds of everything the plan may touch: full definitions of the declared
/// items, the names of all items (for pruning and reporting), and the credential values of
/// the declared principals.
/// </summary>
public sealed record LiveOrgState(
    OrgIdentity Org,
    IReadOnlyDictionary<string, LiveExternalCredential> ExternalCredentials,
    IReadOnlyDictionary<string, LiveNamedCredential> NamedCredentials,
    IReadOnlyDictionary<(string ExternalCredential, string Principal), LiveCredentials> Credentials,
    IReadOnlyCollection<string> AllExternalCredentialNames,
    IReadOnlyCollection<string> AllNamedCredentialNames);
