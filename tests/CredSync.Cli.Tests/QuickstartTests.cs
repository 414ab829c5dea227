using CredSync.Cli.Tests.Support;

namespace CredSync.Cli.Tests;

/// <summary>The README's walk-through on the root credsync.yaml: validate, plan, apply, plan.</summary>
public sealed class QuickstartTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public QuickstartTests()
    {
        File.Copy(Path.Combine(RepositoryPaths.Root, "credsync.yaml"), _dir.File("credsync.yaml"));

        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "examples", "demo-secrets")))
        {
            _dir.Write(Path.Combine("examples", "demo-secrets", Path.GetFileName(file)), File.ReadAllText(file));
        }
    }

    [Fact]
    public async Task RootConfig_ValidatePlanApplyPlan_ConvergesWithNoFlags()
    {
        var validate = await Credsync.RunAsync(_dir.Path, null, "validate");
        Assert.True(validate.ExitCode == 0, validate.ToString());

        var plan = await Credsync.RunAsync(_dir.Path, null, "plan");
        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.Contains("+ externalCredential.Stripe", plan.Out);
        Assert.Contains("Plan: 6 to create, 0 to update, 0 to delete; 4 secret values to set.", plan.Out);
        Assert.Empty(plan.Writes);

        var apply = await Credsync.RunAsync(_dir.Path, null, "apply", "--auto-approve");
        Assert.True(apply.ExitCode == 0, apply.ToString());
        Assert.Contains("Apply complete: 6 change(s) made.", apply.Out);
        Assert.Equal(6, apply.Writes.Count);

        var again = await Credsync.RunAsync(_dir.Path, null, "plan", "--detailed-exitcode");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("No changes. The org matches credsync.yaml.", again.Out);
        Assert.Empty(again.Writes);
    }

    [Fact]
    public async Task Plan_WithChangesAndDetailedExitcode_ExitsTwo()
    {
        var plan = await Credsync.RunAsync(_dir.Path, null, "plan", "--detailed-exitcode");

        Assert.Equal(2, plan.ExitCode);
    }

    [Fact]
    public async Task Apply_WithoutTerminalOrAutoApprove_RefusesWithExitThree()
    {
        var apply = await Credsync.RunAsync(_dir.Path, null, "apply");

        Assert.Equal(3, apply.ExitCode);
        Assert.Contains("--auto-approve", apply.Error);
        Assert.Empty(apply.Requests);
    }

    [Fact]
    public async Task Schema_PrintsTheJsonSchema()
    {
        var schema = await Credsync.RunAsync(_dir.Path, null, "schema");

        Assert.Equal(0, schema.ExitCode);
        Assert.Contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"", schema.Out);
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "schemas", "credsync.schema.json")), schema.Out);
    }

    public void Dispose() => _dir.Dispose();
}
