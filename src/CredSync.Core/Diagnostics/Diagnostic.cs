namespace CredSync.Core.Diagnostics;

/// <summary>
/// One finding about the input or the org: a short summary, a detail sentence that says what
/// to do, and where it was found when that is known.
/// </summary>
public sealed record Diagnostic(
    DiagnosticSeverity Severity,
    string Summary,
    string? Detail = null,
    SourceLocation? Location = null,
    string? Address = null)
{
    public static Diagnostic Error(string summary, string? detail = null, SourceLocation? at = null) =>
        new(DiagnosticSeverity.Error, summary, detail, at);

    public static Diagnostic Warning(string summary, string? detail = null, SourceLocation? at = null) =>
        new(DiagnosticSeverity.Warning, summary, detail, at);

    public static Diagnostic Info(string summary, string? detail = null, SourceLocation? at = null) =>
        new(DiagnosticSeverity.Info, summary, detail, at);

    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>The one-line form used in logs and plain error output.</summary>
    public override string ToString()
    {
        var where = Location is null ? "" : $"{Location}: ";
        var level = Severity.ToString().ToLowerInvariant();
        var detail = Detail is null ? "" : $" {Detail}";

        return $"{where}{level}: {Summary}{detail}";
    }
}
