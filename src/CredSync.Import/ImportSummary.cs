namespace CredSync.Import;

/// <summary>What an import read and wrote.</summary>
/// <param name="MetadataFilesRead">Metadata files found and read under the source folder.</param>
/// <param name="ExternalCredentials">External credentials written to the YAML.</param>
/// <param name="NamedCredentials">
/// Named credentials written to the YAML (not commented out).
/// </param>
/// <param name="PermissionSets">Permission sets written to the YAML (not commented out).</param>
/// <param name="SkippedLegacyNamedCredentials">Legacy named credentials left out.</param>
/// <param name="CommentedOutEntries">
/// Named credentials and access grants written as comments because they refer to something
/// the source folder does not define.
/// </param>
public sealed record ImportSummary(
    int MetadataFilesRead,
    int ExternalCredentials,
    int NamedCredentials,
    int PermissionSets,
    int SkippedLegacyNamedCredentials,
    int CommentedOutEntries);
