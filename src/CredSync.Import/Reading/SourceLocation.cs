namespace CredSync.Import.Reading;

/// <summary>
/// A place in a source file, as diagnostics report it (1-based; 0 for a whole file).
/// </summary>
internal readonly record struct SourceLocation(string File, int Line, int Column)
{
    public static SourceLocation WholeFile(string file) => new(file, 0, 0);
}
