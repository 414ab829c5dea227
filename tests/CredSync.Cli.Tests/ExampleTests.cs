using System.Text.RegularExpressions;
using CredSync.Cli.Tests.Support;

namespace CredSync.Cli.Tests;

/// <summary>Every configuration under examples/ validates, and every credsync command a CI example runs parses.</summary>
public sealed partial class ExampleTests
{
    public static TheoryData<string> Configs() =>
        new(Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "examples"), "credsync.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepositoryPaths.Root, f)));

    public static TheoryData<string> WorkflowCommands() =>
        new(Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "examples"), "*.yml", SearchOption.AllDirectories)
            .SelectMany(f => Command().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value.Trim()))
            .Distinct());

    [Theory]
    [MemberData(nameof(Configs))]
    public async Task ExampleConfig_Validates(string relativePath)
    {
        var result = await Credsync.RunAsync(RepositoryPaths.Root, null, "validate", "-c", relativePath);

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Theory]
    [MemberData(nameof(WorkflowCommands))]
    public async Task WorkflowCommand_ParsesWithoutUsageErrors(string arguments)
    {
        var args = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Append("--help").ToArray();

        var result = await Credsync.RunAsync(RepositoryPaths.Root, null, args);

        Assert.True(result.ExitCode == 0, $"credsync {arguments}: {result}");
    }

    [GeneratedRegex(@"run: credsync ([^>\n]+)")]
    private static partial Regex Command();
}
