namespace CredSync.Import.Tests.Support;

/// <summary>
/// Rebuilds the sfdx trees that the shared fixtures come from: every fixture named
/// <c>&lt;project&gt;__&lt;file&gt;</c> is copied, unchanged, to the path SOURCES.md gives for it.
/// </summary>
internal static class FixtureProjects
{
    public static IReadOnlyList<FixtureFile> Files { get; } = ReadSources();

    public static IEnumerable<string> Names =>
        Files.Select(f => f.Project).Distinct().Order(StringComparer.Ordinal);

    /// <summary>xunit data: one row per project.</summary>
    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var name in Names)
        {
            data.Add(name);
        }

        return data;
    }

    public static TempTree Build(string project)
    {
        var tree = new TempTree();
        foreach (var file in Files.Where(f => f.Project == project))
        {
            tree.Copy(file.FixturePath, file.ProjectPath);
        }

        return tree;
    }

    private static List<FixtureFile> ReadSources()
    {
        var folder = TestPaths.MetadataFixtures;
        var files = new List<FixtureFile>();

        // Table rows: | file | repository | path | what is interesting |
        foreach (var line in File.ReadLines(Path.Combine(folder, "SOURCES.md")))
        {
            var cells = line.Split('|');
            if (cells.Length < 5 || !cells[1].Contains("__", StringComparison.Ordinal))
            {
                continue;
            }

            var name = cells[1].Trim();
            var project = name[..name.IndexOf("__", StringComparison.Ordinal)];
            files.Add(new FixtureFile(project, Path.Combine(folder, name), cells[3].Trim()));
        }

        return files;
    }
}
