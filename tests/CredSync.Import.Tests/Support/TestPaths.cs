namespace CredSync.Import.Tests.Support;

/// <summary>Finds the repository and the shared fixtures from wherever the tests run.</summary>
internal static class TestPaths
{
    public const string FixturesVariable = "CREDSYNC_FIXTURES";

    /// <summary>The folder holding CredSync.sln.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string SchemaFile =>
        Path.Combine(RepositoryRoot, "schemas", "credsync.schema.json");

    /// <summary>
    /// shared/fixtures/metadata: from CREDSYNC_FIXTURES (the fixtures folder, or its metadata
    /// folder) when set, otherwise beside the nearest ancestor of the test assembly that has
    /// one. CI clones the repository with shared/ beside it.
    /// </summary>
    public static string MetadataFixtures { get; } = FindMetadataFixtures();

    private static string FindRepositoryRoot()
    {
        foreach (var directory in Ancestors(AppContext.BaseDirectory))
        {
            if (File.Exists(Path.Combine(directory, "CredSync.sln")))
            {
                return directory;
            }
        }

        throw new InvalidOperationException(
            $"No CredSync.sln above '{AppContext.BaseDirectory}'.");
    }

    private static string FindMetadataFixtures()
    {
        var configured = Environment.GetEnvironmentVariable(FixturesVariable);
        if (!string.IsNullOrEmpty(configured))
        {
            foreach (var candidate in new[] { Path.Combine(configured, "metadata"), configured })
            {
                if (File.Exists(Path.Combine(candidate, "SOURCES.md")))
                {
                    return Path.GetFullPath(candidate);
                }
            }

            throw new InvalidOperationException(
                $"{FixturesVariable}='{configured}' holds neither metadata/SOURCES.md "
                + "nor SOURCES.md.");
        }

        foreach (var directory in Ancestors(AppContext.BaseDirectory))
        {
            var candidate = Path.Combine(directory, "shared", "fixtures", "metadata");
            if (File.Exists(Path.Combine(candidate, "SOURCES.md")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"No shared/fixtures/metadata beside any folder above '{AppContext.BaseDirectory}'; "
            + $"set {FixturesVariable} to the fixtures folder.");
    }

    private static IEnumerable<string> Ancestors(string start)
    {
        var directory = new DirectoryInfo(start);
        while (directory is not null)
        {
            yield return directory.FullName;
            directory = directory.Parent;
        }
    }
}
