namespace CredSync.Import.Reading;

/// <summary>One metadata file found under the source folder.</summary>
/// <param name="FullPath">Where to open it.</param>
/// <param name="DisplayPath">
/// How diagnostics name it: the source folder as given, plus the rest.
/// </param>
/// <param name="RelativePath">
/// Its path under the source folder with forward slashes; used inside the YAML, which must not
/// depend on where the tree happens to be checked out.
/// </param>
/// <param name="Kind">The metadata type, from the file suffix.</param>
/// <param name="DeveloperName">The file name before the type suffix.</param>
internal sealed record MetadataFile(
    string FullPath,
    string DisplayPath,
    string RelativePath,
    MetadataKind Kind,
    string DeveloperName)
{
    public SourceLocation WholeFile => SourceLocation.WholeFile(DisplayPath);
}
