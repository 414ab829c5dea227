using System.Text.Json.Nodes;
using CredSync.Cli.Tests.Support;
using CredSync.LocalOrg;

namespace CredSync.Cli.Tests;

/// <summary>
/// Apply under failure: a failed change stops what depends on it and nothing else, the run
/// exits 1 naming what failed and what was not attempted, and running again converges, also
/// after a connection dropped with the change already made.
/// </summary>
public sealed class ApplyFaultTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly Dictionary<string, string> _env = new() { ["A_KEY"] = "a-one", ["B_KEY"] = "b-one" };

    public ApplyFaultTests()
    {
        _dir.Write("credsync.yaml", """
            version: 1
            stores:
              ci: { type: env }
            externalCredentials:
              Alpha:
                label: Alpha
                protocol: Custom
                principals:
                  Main:
                    type: NamedPrincipal
                    credentials:
                      ApiKey: { secret: "ci:A_KEY" }
              Beta:
                label: Beta
                protocol: Custom
                principals:
                  Main:
                    type: NamedPrincipal
                    credentials:
                      ApiKey: { secret: "ci:B_KEY" }
            namedCredentials:
              AlphaAPI:
                url: https://alpha.example.com
                externalCredential: Alpha
              BetaAPI:
                url: https://beta.example.com
                externalCredential: Beta
            """);
    }

    [Fact]
    public async Task FailedDefinition_SkipsItsDependentsOnlyAndNamesThem()
    {
        // The first external credential create (Alpha, by address order) fails with a server error.
        var apply = await Credsync.RunAsync(_dir.Path, _env,
            server => server.Faults.FailNext(500, method: "POST", template: LocalOrgRoutes.ExternalCredentials),
            "apply", "--auto-approve");

        Assert.Equal(1, apply.ExitCode);
        Assert.Contains("failed: externalCredential.Alpha: POST /services/data/v66.0/named-credentials/external-credentials failed: 500", apply.Error);
        Assert.Contains("not attempted: namedCredential.AlphaAPI (not attempted because 'externalCredential.Alpha' did not succeed)", apply.Error);
        Assert.Contains("not attempted: externalCredential.Alpha.principal.Main", apply.Error);
        Assert.Contains("Apply failed: 3 change(s) made, 1 failed, 2 not attempted.", apply.Error);
        Assert.Equal(4, apply.Writes.Count); // the failed POST and Beta's three writes

        var again = await Credsync.RunAsync(_dir.Path, _env, "apply", "--auto-approve");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(3, again.Writes.Count);
        await AssertConvergedAsync();
    }

    [Theory]
    [InlineData("POST", LocalOrgRoutes.ExternalCredentials)]
    [InlineData("POST", LocalOrgRoutes.NamedCredentials)]
    [InlineData("POST", LocalOrgRoutes.Credential)]
    public async Task ConnectionDroppedAfterTheOrgMadeTheChange_RerunConvergesWithoutDuplicates(string method, string template)
    {
        // The org carries the request out, then the connection drops: CredSync cannot know it worked.
        var first = await Credsync.RunAsync(_dir.Path, _env,
            server => server.Faults.DropNext(afterHandling: true, method: method, template: template),
            "apply", "--auto-approve");

        Assert.Equal(1, first.ExitCode);
        Assert.Contains("could not be reached", first.Error);

        var again = await Credsync.RunAsync(_dir.Path, _env, "apply", "--auto-approve");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.DoesNotContain(again.Writes, w => w.Status >= 400);

        await AssertConvergedAsync();

        await using var org = await LocalOrgClient.StartAsync(_dir.File(".credsync/local-org"));
        var ecs = (await org.GetJsonAsync("/named-credentials/external-credentials"))!["externalCredentials"]!.AsArray();
        var ncs = (await org.GetJsonAsync("/named-credentials/named-credential-setup"))!["namedCredentials"]!.AsArray();
        Assert.Equal(2, ecs.Count);
        Assert.Equal(2, ncs.Count);
        Assert.True(await org.Server.CredentialValueEqualsAsync("Alpha", "Main", "ApiKey", "a-one"));
    }

    [Fact]
    public async Task SavedPlan_AppliesExactlyWhenNothingMoved()
    {
        var plan = await Credsync.RunAsync(_dir.Path, _env, "plan", "--out", "plan.json");
        Assert.True(plan.ExitCode == 0, plan.ToString());

        var apply = await Credsync.RunAsync(_dir.Path, _env, "apply", "--auto-approve", "plan.json");
        Assert.True(apply.ExitCode == 0, apply.ToString());
        Assert.Equal(6, apply.Writes.Count);
        await AssertConvergedAsync();

        var replay = await Credsync.RunAsync(_dir.Path, _env, "apply", "--auto-approve", "plan.json");
        Assert.Equal(1, replay.ExitCode);
        Assert.Contains("the plan is stale", replay.Error);
        Assert.Empty(replay.Writes);
    }

    [Fact]
    public async Task SavedPlan_IsStaleWhenTheOrgMoved()
    {
        await Credsync.RunAsync(_dir.Path, _env, "apply", "--auto-approve");
        _env["A_KEY"] = "a-two";
        await Credsync.RunAsync(_dir.Path, _env, "plan", "--out", "plan.json");

        await using (var org = await LocalOrgClient.StartAsync(_dir.File(".credsync/local-org")))
        {
            var nc = (await org.GetJsonAsync("/named-credentials/named-credential-setup/BetaAPI"))!.AsObject();
            await org.EnsureAsync(HttpMethod.Put, "/named-credentials/named-credential-setup/BetaAPI", new JsonObject
            {
                ["masterLabel"] = "Changed in Setup",
                ["type"] = "SecuredEndpoint",
                ["calloutUrl"] = (string)nc["calloutUrl"]!,
                ["calloutOptions"] = nc["calloutOptions"]!.DeepClone(),
                ["externalCredentials"] = new JsonArray(new JsonObject { ["developerName"] = "Beta" }),
            });
        }

        var apply = await Credsync.RunAsync(_dir.Path, _env, "apply", "--auto-approve", "plan.json");

        Assert.Equal(1, apply.ExitCode);
        Assert.Contains("namedCredential.BetaAPI (the org changed)", apply.Error);
        Assert.Empty(apply.Writes);
    }

    [Fact]
    public async Task SavedPlan_IsStaleWhenASecretRotatedAfterReview()
    {
        await Credsync.RunAsync(_dir.Path, _env, "apply", "--auto-approve");
        _env["A_KEY"] = "a-two";
        await Credsync.RunAsync(_dir.Path, _env, "plan", "--out", "plan.json");
        _env["A_KEY"] = "a-three";

        var apply = await Credsync.RunAsync(_dir.Path, _env, "apply", "--auto-approve", "plan.json");

        Assert.Equal(1, apply.ExitCode);
        Assert.Contains("externalCredential.Alpha.principal.Main (a secret in the store changed)", apply.Error);
        Assert.Empty(apply.Writes);
    }

    [Fact]
    public async Task SavedPlan_IsStaleWhenTheFileChanged()
    {
        await Credsync.RunAsync(_dir.Path, _env, "plan", "--out", "plan.json");
        File.AppendAllText(_dir.File("credsync.yaml"), "\npolicy: { prune: false }\n");

        var apply = await Credsync.RunAsync(_dir.Path, _env, "apply", "--auto-approve", "plan.json");

        Assert.Equal(1, apply.ExitCode);
        Assert.Contains("credsync.yaml changed since the plan was made", apply.Error);
        Assert.Empty(apply.Writes);
    }

    [Fact]
    public async Task TwoAppliesAtOnce_RunOneAfterTheOtherWithoutDuplicates()
    {
        var first = Credsync.RunAsync(_dir.Path, _env, "apply", "--auto-approve");
        var second = Credsync.RunAsync(_dir.Path, _env, "apply", "--auto-approve");
        var results = await Task.WhenAll(first, second);

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.ToString()));
        Assert.Equal(6, results.Sum(r => r.Writes.Count));
        Assert.Contains(results, r => r.Writes.Count == 0);
        Assert.False(File.Exists(_dir.File(".credsync/ledger.json.lock")));
        await AssertConvergedAsync();
    }

    [Fact]
    public async Task SavedPlan_EditedToLeaveOutAChange_IsRefused()
    {
        await Credsync.RunAsync(_dir.Path, _env, "plan", "--out", "plan.json");
        var plan = JsonNode.Parse(File.ReadAllText(_dir.File("plan.json")))!.AsObject();
        plan["changes"]!.AsArray().RemoveAt(0);
        File.WriteAllText(_dir.File("plan.json"), plan.ToJsonString());

        var apply = await Credsync.RunAsync(_dir.Path, _env, "apply", "--auto-approve", "plan.json");

        Assert.Equal(1, apply.ExitCode);
        Assert.Contains("was the file edited?", apply.Error);
        Assert.Empty(apply.Writes);
    }

    [Fact]
    public async Task Drift_ReportsLostValuesWithExitTwo()
    {
        await Credsync.RunAsync(_dir.Path, _env, "apply", "--auto-approve");

        var clean = await Credsync.RunAsync(_dir.Path, _env, "drift");
        Assert.True(clean.ExitCode == 0, clean.ToString());
        Assert.Contains("No drift.", clean.Out);

        await using (var org = await LocalOrgClient.StartAsync(_dir.File(".credsync/local-org")))
        {
            using var response = await org.SendAsync(HttpMethod.Delete,
                "/named-credentials/credential?externalCredential=Beta&principalName=Main&principalType=NamedPrincipal");
        }

        var drift = await Credsync.RunAsync(_dir.Path, _env, "drift", "--format", "markdown");

        Assert.Equal(2, drift.ExitCode);
        Assert.Contains("### CredSync drift report", drift.Out);
        Assert.Contains("externalCredential.Beta.principal.Main", drift.Out);
        Assert.Empty(drift.Writes);
    }

    private async Task AssertConvergedAsync()
    {
        var plan = await Credsync.RunAsync(_dir.Path, _env, "plan", "--detailed-exitcode");
        Assert.True(plan.ExitCode == 0, plan.ToString());
    }

    public void Dispose() => _dir.Dispose();
}
