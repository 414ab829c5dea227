namespace CredSync.Testing;

/// <summary>
/// The metadata fixtures are named <c>&lt;project&gt;__&lt;file&gt;</c>; SOURCES.md gives each
/// file's path in its project. This puts them back into sfdx source trees, byte for byte.
/// </summary>
public static class FixtureProjects
{
    public static IReadOnlyList<FixtureFile> Files { get; } = ReadSources();

    public static IEnumerable<string> Names =>
        Files.Select(f => f.Project).Distinct().Order(StringComparer.Ordinal);

    /// <summary>Copies one project's fixtures, unchanged, to their original paths under <paramref name="root"/>.</summary>
    public static string LayOut(string project, string root)
    {
        foreach (var file in Files.Where(f => f.Project == project))
        {
            var target = Path.Combine(root, file.ProjectPath);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file.FixturePath, target);
        }

        return root;
    }

    private static List<FixtureFile> ReadSources()
    {
        var folder = RepositoryPaths.MetadataFixtures;
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
