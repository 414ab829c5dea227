namespace CredSync.Import;

/// <summary>
/// The outcome of an import: the YAML text, or the reasons it could not be written.
/// </summary>
public sealed class ImportResult
{
    /// <summary>
    /// Creates a result; <paramref name="yaml"/> must be null when there are errors.
    /// </summary>
    public ImportResult(
        string? yaml,
        IReadOnlyList<ImportDiagnostic> diagnostics,
        ImportSummary summary)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentNullException.ThrowIfNull(summary);

        HasErrors = diagnostics.Any(d => d.Severity == ImportSeverity.Error);
        if (HasErrors && yaml is not null)
        {
            throw new ArgumentException("A result with errors carries no YAML.", nameof(yaml));
        }

        Yaml = yaml;
        Diagnostics = diagnostics;
        Summary = summary;
    }

    /// <summary>The generated <c>credsync.yaml</c> text; null when there are errors.</summary>
    public string? Yaml { get; }

    /// <summary>Every finding, ordered by file, line and column.</summary>
    public IReadOnlyList<ImportDiagnostic> Diagnostics { get; }

    /// <summary>True when at least one diagnostic is an error.</summary>
    public bool HasErrors { get; }

    /// <summary>Counts of what was read and written.</summary>
    public ImportSummary Summary { get; }
}
