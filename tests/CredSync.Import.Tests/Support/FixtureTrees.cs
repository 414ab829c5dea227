namespace CredSync.Import.Tests.Support;

/// <summary>
/// The shared fixture projects as xunit data, each rebuilt in a <see cref="TempTree"/> (the file
/// list and SOURCES.md reading live in CredSync.Testing).
/// </summary>
internal static class FixtureTrees
{
    public static IReadOnlyList<FixtureFile> Files => Testing.FixtureProjects.Files;

    public static IEnumerable<string> Names => Testing.FixtureProjects.Names;

    /// <summary>xunit data: one row per project.</summary>
    public static TheoryData<string> All() => new(Names);

    public static TempTree Build(string project)
    {
        var tree = new TempTree();
        foreach (var file in Files.Where(f => f.Project == project))
        {
            tree.Copy(file.FixturePath, file.ProjectPath);
        }

        return tree;
    }
}
