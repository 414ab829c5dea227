namespace CredSync.Secrets.Tests.Support;

/// <summary>The shared fixtures beside the repository (or CREDSYNC_FIXTURES).</summary>
internal static class Fixtures
{
    public static string Sops => Path.Combine(Root, "sops");

    private static string Root
    {
        get
        {
            var fromEnv = Environment.GetEnvironmentVariable("CREDSYNC_FIXTURES");

            if (!string.IsNullOrEmpty(fromEnv))
            {
                return fromEnv;
            }

            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "fixtures");

                if (Directory.Exists(Path.Combine(candidate, "sops")))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException("shared/fixtures was not found beside the repository; set CREDSYNC_FIXTURES.");
        }
    }
}
