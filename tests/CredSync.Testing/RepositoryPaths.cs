namespace CredSync.Testing;

/// <summary>Finds the repository and the shared fixtures from wherever the tests run.</summary>
public static class RepositoryPaths
{
    public const string FixturesVariable = "CREDSYNC_FIXTURES";

    /// <summary>The folder holding CredSync.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string SchemaFile => Path.Combine(Root, "schemas", "credsync.schema.json");

    /// <summary>
    /// shared/fixtures: the folder CREDSYNC_FIXTURES names (the fixtures folder, or its metadata
    /// folder), otherwise beside the nearest ancestor of the test assembly that has one. CI
    /// clones the repository with shared/ beside it.
    /// </summary>
    public static string Fixtures { get; } = FindFixtures();

    public static string MetadataFixtures => Path.Combine(Fixtures, "metadata");

    public static string SopsFixtures => Path.Combine(Fixtures, "sops");

    private static string FindRoot() =>
        Ancestors(AppContext.BaseDirectory).FirstOrDefault(d => File.Exists(Path.Combine(d, "CredSync.sln")))
        ?? throw new InvalidOperationException($"No CredSync.sln above '{AppContext.BaseDirectory}'.");

    private static string FindFixtures()
    {
        var configured = Environment.GetEnvironmentVariable(FixturesVariable);

        if (!string.IsNullOrEmpty(configured))
        {
            var full = Path.GetFullPath(configured);

            if (File.Exists(Path.Combine(full, "metadata", "SOURCES.md")))
            {
                return full;
            }

            if (File.Exists(Path.Combine(full, "SOURCES.md")))
            {
                return Path.GetDirectoryName(full)!;
            }

            throw new InvalidOperationException($"{FixturesVariable}='{configured}' holds neither metadata/SOURCES.md nor SOURCES.md.");
        }

        return Ancestors(AppContext.BaseDirectory)
            .Select(d => Path.Combine(d, "shared", "fixtures"))
            .FirstOrDefault(c => File.Exists(Path.Combine(c, "metadata", "SOURCES.md")))
            ?? throw new InvalidOperationException(
                $"No shared/fixtures beside any folder above '{AppContext.BaseDirectory}'; set {FixturesVariable} to the fixtures folder.");
    }

    private static IEnumerable<string> Ancestors(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            yield return directory.FullName;
        }
    }
}
