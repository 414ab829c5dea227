namespace CredSync.Cli.Tests.Support;

/// <summary>
/// The metadata fixtures are named <c>project__file</c>; SOURCES.md gives each file's path in
/// its project. This puts them back into sfdx source trees, byte for byte.
/// </summary>
public static class FixtureProjects
{
    public sealed record FixtureFile(string FixtureName, string PathInProject);

    public static Dictionary<string, List<FixtureFile>> Load()
    {
        var metadata = Path.Combine(Repo.Fixtures, "metadata");
        var projects = new Dictionary<string, List<FixtureFile>>(StringComparer.Ordinal);

        foreach (var line in File.ReadLines(Path.Combine(metadata, "SOURCES.md")))
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);

            if (cells.Length < 5 || !cells[1].Contains("__", StringComparison.Ordinal) || !File.Exists(Path.Combine(metadata, cells[1])))
            {
                continue;
            }

            var project = cells[1][..cells[1].IndexOf("__", StringComparison.Ordinal)];

            if (!projects.TryGetValue(project, out var files))
            {
                files = projects[project] = [];
            }

            files.Add(new FixtureFile(cells[1], cells[3]));
        }

        return projects;
    }

    /// <summary>Copies one project's fixtures to their original paths under <paramref name="root"/>.</summary>
    public static string LayOut(string project, string root)
    {
        var metadata = Path.Combine(Repo.Fixtures, "metadata");

        foreach (var file in Load()[project])
        {
            var target = Path.Combine(root, file.PathInProject);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(metadata, file.FixtureName), target);
        }

        return root;
    }
}
