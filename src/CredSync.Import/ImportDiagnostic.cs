namespace CredSync.Import;

/// <summary>
/// One finding of an import, placed at a file, line and column. Line and column are 1-based;
/// both are 0 when the finding concerns a whole file or folder.
/// </summary>
public sealed record ImportDiagnostic(
    ImportSeverity Severity,
    string File,
    int Line,
    int Column,
    string Message)
{
    /// <summary>Formats the diagnostic as <c>file:line:column: severity: message</c>.</summary>
    public override string ToString()
    {
        var severity = Severity.ToString().ToLowerInvariant();

        return Line > 0
            ? $"{File}:{Line}:{Column}: {severity}: {Message}"
            : $"{File}: {severity}: {Message}";
    }
}
