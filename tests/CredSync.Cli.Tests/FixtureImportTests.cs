using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CredSync.Cli.Tests.Support;

namespace CredSync.Cli.Tests;

/// <summary>
/// Every real metadata fixture, laid out as the sfdx project it came from, imports; the
/// written YAML validates; with its secret references filled in it plans creates in
/// dependency order against an empty local org, applies, and then plans no changes.
/// </summary>
public sealed partial class FixtureImportTests
{
    public static TheoryData<string> Projects() => new(FixtureProjects.Names);

    [Theory]
    [MemberData(nameof(Projects))]
    public async Task ImportedProject_ValidatesPlansAppliesAndConverges(string project)
    {
        using var dir = new TempFolder();
        var source = FixtureProjects.LayOut(project, dir.File("project"));

        // Import
        var import = await Credsync.RunAsync(dir.Path, null, "import", "--from-metadata", source, "--out", "credsync.yaml");
        Assert.True(import.ExitCode == 0, import.ToString());

        var validate = await Credsync.RunAsync(dir.Path, null, "validate");
        Assert.True(validate.ExitCode == 0, validate.ToString() + "\n" + File.ReadAllText(dir.File("credsync.yaml")));

        // Fill in what the import left for the user: build-time URL placeholders and secret references.
        var yaml = File.ReadAllText(dir.File("credsync.yaml"));
        var env = Reference().Matches(yaml)
            .Select(m => m.Groups[1].Value)
            .Distinct()
            .ToDictionary(name => name, name => $"value-of-{name.ToLowerInvariant()}");

        if (yaml.Contains("{API_URL}", StringComparison.Ordinal))
        {
            Assert.Contains("not an absolute http(s) URL", validate.Error);
            var unfilled = await Credsync.RunAsync(dir.Path, env, "plan");
            Assert.True(unfilled.ExitCode == 1 && unfilled.Writes.Count == 0, unfilled.ToString());

            yaml = yaml.Replace("{API_URL}", "https://archive.example.gearset.com", StringComparison.Ordinal);
            File.WriteAllText(dir.File("credsync.yaml"), yaml);
        }


        // Plan against an empty org: creates only, in dependency order.
        var plan = await Credsync.RunAsync(dir.Path, env, "plan", "--format", "json");
        Assert.True(plan.ExitCode == 0, plan.ToString());

        var changes = JsonNode.Parse(plan.Out)!["changes"]!.AsArray().OfType<JsonNode>().ToList();
        Assert.All(changes, c => Assert.Equal("create", (string)c["action"]!));

        var kinds = changes.Select(c => (string)c["kind"]!).ToList();
        var order = new[] { "ExternalCredential", "NamedCredential", "Credentials" };
        Assert.Equal(kinds.OrderBy(k => Array.IndexOf(order, k)).ToList(), kinds);

        foreach (var nc in changes.Where(c => (string)c["kind"]! == "NamedCredential"))
        {
            var ec = nc["fields"]!.AsArray().Single(f => (string)f!["name"]! == "externalCredential")!["after"]!.ToString();
            Assert.Contains($"externalCredential.{ec}", nc["depends_on"]!.AsArray().Select(d => (string)d!));
        }

        // Apply, then nothing is left to do.
        var apply = await Credsync.RunAsync(dir.Path, env, "apply", "--auto-approve");
        Assert.True(apply.ExitCode == 0, apply.ToString());
        Assert.Equal(changes.Count, apply.Writes.Count);

        var again = await Credsync.RunAsync(dir.Path, env, "plan", "--detailed-exitcode");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("No changes.", again.Out);
    }

    [Fact]
    public void EveryFixtureFile_BelongsToAProject()
    {
        var laidOut = FixtureProjects.Files.Select(f => Path.GetFileName(f.FixturePath)).ToHashSet();
        var present = Directory.GetFiles(Path.Combine(RepositoryPaths.Fixtures, "metadata"))
            .Select(f => Path.GetFileName(f))
            .Where(n => n != "SOURCES.md");

        Assert.All(present, name => Assert.Contains(name, laidOut));
    }

    [GeneratedRegex("\"ci:([A-Z0-9_]+)\"")]
    private static partial Regex Reference();
}
