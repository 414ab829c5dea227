namespace CredSync.Import;

/// <summary>How <see cref="MetadataImporter"/> writes the imported configuration.</summary>
/// <param name="ValuesOnly">
/// Write only the principals' credential values: the definitions stay with the metadata deploy,
/// so labels, protocols, named credentials and permission sets are left out.
/// </param>
/// <param name="EnvStoreName">
/// Name of the environment-variable store that the generated secret references point into.
/// </param>
public sealed record ImportOptions(bool ValuesOnly = false, string EnvStoreName = "ci");
