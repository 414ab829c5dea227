namespace CredSync.Import.Reading;

/// <summary>Collects diagnostics so that an import reports every problem at once.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<ImportDiagnostic> _items = [];

    public bool HasErrors => _items.Any(d => d.Severity == ImportSeverity.Error);

    public void Error(SourceLocation at, string message) =>
        Add(ImportSeverity.Error, at, message);

    public void Warning(SourceLocation at, string message) =>
        Add(ImportSeverity.Warning, at, message);

    public void Info(SourceLocation at, string message) =>
        Add(ImportSeverity.Info, at, message);

    /// <summary>
    /// The diagnostics ordered by file, line and column, so that two runs over the same tree
    /// report in the same order; findings at one place keep the order they were made in.
    /// </summary>
    public IReadOnlyList<ImportDiagnostic> ToSortedList() =>
        _items
            .Select((diagnostic, index) => (diagnostic, index))
            .OrderBy(x => x.diagnostic.File, StringComparer.Ordinal)
            .ThenBy(x => x.diagnostic.Line)
            .ThenBy(x => x.diagnostic.Column)
            .ThenBy(x => x.index)
            .Select(x => x.diagnostic)
            .ToList();

    private void Add(ImportSeverity severity, SourceLocation at, string message) =>
        _items.Add(new ImportDiagnostic(severity, at.File, at.Line, at.Column, message));
}
