using CredSync.Import.Tests.Support;

namespace CredSync.Import.Tests;

/// <summary>Every real project in shared/fixtures/metadata, imported as a whole.</summary>
public sealed class FixtureProjectTests
{
    [Theory]
    [MemberData(nameof(FixtureTrees.All), MemberType = typeof(FixtureTrees))]
    public void Import_FixtureProject_WritesSchemaValidYamlWithoutErrors(string project)
    {
        var result = FixtureImport.Run(project);

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        SchemaCheck.AssertValid(result.Yaml);
    }

    [Theory]
    [MemberData(nameof(FixtureTrees.All), MemberType = typeof(FixtureTrees))]
    public void Import_FixtureProjectValuesOnly_WritesSchemaValidYamlWithoutErrors(string project)
    {
        var result = FixtureImport.Run(project, new ImportOptions(ValuesOnly: true));

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        SchemaCheck.AssertValid(result.Yaml);
    }

    [Fact]
    public void Import_AllFixtureProjects_ReadEveryFixtureFile()
    {
        var read = FixtureTrees.Names.Sum(p => FixtureImport.Run(p).Summary.MetadataFilesRead);

        Assert.Equal(FixtureTrees.Files.Count, read);
        Assert.Equal(
            Directory.GetFiles(RepositoryPaths.MetadataFixtures)
                .Count(f => f.Contains("__", StringComparison.Ordinal)),
            FixtureTrees.Files.Count);
    }

    [Theory]
    [MemberData(nameof(FixtureTrees.All), MemberType = typeof(FixtureTrees))]
    public void Import_SameProjectInTwoFolders_WritesIdenticalYaml(string project)
    {
        var first = FixtureImport.Run(project);
        var second = FixtureImport.Run(project);

        Assert.NotNull(first.Yaml);
        Assert.Equal(first.Yaml, second.Yaml);
        Assert.Equal(
            first.Diagnostics.Select(d => (d.Severity, d.Line, d.Column, d.Message)),
            second.Diagnostics.Select(d => (d.Severity, d.Line, d.Column, d.Message)));
    }

    [Theory]
    [MemberData(nameof(FixtureTrees.All), MemberType = typeof(FixtureTrees))]
    public void Import_FixtureProject_StartsWithSchemaLineAndVersion(string project)
    {
        var yaml = FixtureImport.Run(project).Yaml!;
        var lines = yaml.Split('\n');

        Assert.Equal("# yaml-language-server: $schema=schemas/credsync.schema.json", lines[0]);
        Assert.Equal("version: 1", lines.First(l => !l.StartsWith('#')));
        Assert.DoesNotContain("\r", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetTempPath(), yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_Sections_AreInContractOrderAndSortedByName()
    {
        var yaml = FixtureImport.Run("Salesforce-Main").Yaml!;
        var json = SchemaCheck.AssertValid(yaml);

        var sections = json.AsObject().Select(p => p.Key).ToList();
        Assert.Equal(
            ["version", "stores", "externalCredentials", "namedCredentials", "permissionSets"],
            sections);

        var externalCredentials = json["externalCredentials"]!.AsObject().Select(p => p.Key);
        Assert.Equal(["Box", "HarryPotter", "Salesforce"], externalCredentials);
        Assert.Equal("env", json["stores"]!["ci"]!["type"]!.GetValue<string>());
    }
}
