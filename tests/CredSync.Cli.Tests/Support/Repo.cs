namespace CredSync.Cli.Tests.Support;

/// <summary>Finds the repository root and the shared fixtures beside it.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// ../shared/fixtures next to the repository (as in a session and in CI), or the folder
    /// named by CREDSYNC_FIXTURES.
    /// </summary>
    public static string Fixtures
    {
        get
        {
            var fromEnv = Environment.GetEnvironmentVariable("CREDSYNC_FIXTURES");

            if (!string.IsNullOrEmpty(fromEnv))
            {
                return fromEnv;
            }

            for (var dir = new DirectoryInfo(Root); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "fixtures");

                if (Directory.Exists(Path.Combine(candidate, "metadata")))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException("shared/fixtures was not found beside the repository; set CREDSYNC_FIXTURES.");
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CredSync.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("CredSync.sln was not found above the test assembly.");
    }
}
