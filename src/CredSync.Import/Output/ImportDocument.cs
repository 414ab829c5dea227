namespace CredSync.Import.Output;

/// <summary>Everything the generated credsync.yaml holds, already sorted.</summary>
/// <param name="StoreName">The environment store that secret references point into.</param>
/// <param name="LegacyNamedCredentials">Left out; listed in the file's header comment.</param>
/// <param name="ExternalCredentials">The external credentials, by name.</param>
/// <param name="NamedCredentials">The named credentials by name; null in values-only mode.</param>
/// <param name="PermissionSets">The permission sets by name; null in values-only mode.</param>
internal sealed record ImportDocument(
    string StoreName,
    IReadOnlyList<LegacyNamedCredentialNote> LegacyNamedCredentials,
    IReadOnlyList<ExternalCredentialEntry> ExternalCredentials,
    IReadOnlyList<NamedCredentialEntry>? NamedCredentials,
    IReadOnlyList<PermissionSetEntry>? PermissionSets);
