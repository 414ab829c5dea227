namespace CredSync.Import.Tests.Support;

/// <summary>Imports one rebuilt fixture project.</summary>
internal static class FixtureImport
{
    public static ImportResult Run(string project, ImportOptions? options = null)
    {
        using var tree = FixtureTrees.Build(project);

        return new MetadataImporter().Import(tree.Root, options ?? new ImportOptions());
    }

    /// <summary>The diagnostics of one severity about the file at a project path.</summary>
    public static IReadOnlyList<ImportDiagnostic> About(
        ImportResult result,
        ImportSeverity severity,
        string projectPath) =>
        result.Diagnostics
            .Where(d => d.Severity == severity
                && d.File.Replace('\\', '/').EndsWith("/" + projectPath, StringComparison.Ordinal))
            .ToList();
}
