using System.Text.Json.Nodes;
using CredSync.Cli.Tests.Support;

namespace CredSync.Cli.Tests;

/// <summary>
/// After the first apply, each change of a value makes exactly the one call the Connect API
/// needs for it, and nothing else is written.
/// </summary>
public sealed class MinimalCallTests : IDisposable
{
    private const string Config = """
        version: 1
        stores:
          ci: { type: env }
        externalCredentials:
          Stripe:
            label: Stripe
            protocol: Custom
            principals:
              Default:
                type: NamedPrincipal
                credentials:
                  ApiKey: { secret: "ci:STRIPE_KEY" }
                  Webhook: { secret: "ci:STRIPE_WEBHOOK" }
                  Account: { value: "acct_1", encrypted: false }
          Partner:
            label: Partner
            protocol: OAuth
            variant: ClientCredentialsClientSecret
            principals:
              Service:
                type: NamedPrincipal
                credentials:
                  clientId: { value: "partner-id", encrypted: false }
                  clientSecret: { secret: "ci:PARTNER_SECRET" }
          Legacy:
            label: Legacy
            protocol: Basic
            principals:
              Robot:
                type: NamedPrincipal
                credentials:
                  username: { value: "robot", encrypted: false }
                  password: { secret: "ci:ROBOT_PASSWORD" }
        """;

    private readonly TempFolder _dir = new();
    private readonly Dictionary<string, string> _env = new()
    {
        ["STRIPE_KEY"] = "sk_one",
        ["STRIPE_WEBHOOK"] = "whsec_one",
        ["PARTNER_SECRET"] = "partner_one",
        ["ROBOT_PASSWORD"] = "robot_one",
    };

    public MinimalCallTests()
    {
        _dir.Write("credsync.yaml", Config);
    }

    [Fact]
    public async Task RotatedCustomKey_IsOnePatchWithOneKey()
    {
        await ApplyAsync();
        _env["STRIPE_KEY"] = "sk_two";

        var plan = await PlanJsonAsync();
        var changes = Changed(plan);

        Assert.Single(changes);
        Assert.Equal("externalCredential.Stripe.principal.Default", (string)changes[0]["address"]!);
        Assert.StartsWith("PATCH /services/data/v66.0/named-credentials/credential?", (string)changes[0]["api_call"]!);
        Assert.Equal(["ApiKey"], Keys(changes[0]));

        var apply = await ApplyAsync();
        Assert.Equal(["PATCH"], apply.Writes.Select(w => w.Method));
        await AssertConvergedAsync();
    }

    [Theory]
    [InlineData("PARTNER_SECRET", "externalCredential.Partner.principal.Service", 2)]
    [InlineData("ROBOT_PASSWORD", "externalCredential.Legacy.principal.Robot", 2)]
    public async Task RotatedKeyOnSetTogetherProtocol_IsOnePutWithTheFullSet(string variable, string address, int fullSet)
    {
        await ApplyAsync();
        _env[variable] = "rotated";

        var changes = Changed(await PlanJsonAsync());

        Assert.Single(changes);
        Assert.Equal(address, (string)changes[0]["address"]!);
        Assert.StartsWith("PUT /services/data/v66.0/named-credentials/credential?", (string)changes[0]["api_call"]!);
        Assert.Contains($"full set of {fullSet} key(s)", (string)changes[0]["reason"]!);

        var apply = await ApplyAsync();
        Assert.Equal(["PUT"], apply.Writes.Select(w => w.Method));
        await AssertConvergedAsync();
    }

    [Fact]
    public async Task RemovedCustomKey_IsOneDeleteOfThatKeyOnly()
    {
        await ApplyAsync();
        _dir.Write("credsync.yaml", Config.Replace("          Webhook: { secret: \"ci:STRIPE_WEBHOOK\" }\n", "", StringComparison.Ordinal));

        var changes = Changed(await PlanJsonAsync());

        Assert.Single(changes);
        Assert.Equal("delete", (string)changes[0]["action"]!);
        Assert.Equal(["Webhook"], Keys(changes[0]));

        var apply = await ApplyAsync();
        var write = Assert.Single(apply.Writes);
        Assert.Equal("DELETE", write.Method);
        Assert.Contains("authenticationParameters=Webhook", write.Query);
        Assert.DoesNotContain("ApiKey", write.Query);
        await AssertConvergedAsync();
    }

    [Fact]
    public async Task RemovedAndChangedCustomKeys_AreOnePutWithTheFullSet()
    {
        await ApplyAsync();
        _env["STRIPE_KEY"] = "sk_three";
        _dir.Write("credsync.yaml", Config.Replace("          Webhook: { secret: \"ci:STRIPE_WEBHOOK\" }\n", "", StringComparison.Ordinal));

        var apply = await ApplyAsync();

        Assert.Equal(["PUT"], apply.Writes.Select(w => w.Method));
        await AssertConvergedAsync();
    }

    [Fact]
    public async Task KeyWrittenBySomeoneElse_IsReportedAndLeftAlone()
    {
        await ApplyAsync();
        await using (var org = await LocalOrgClient.StartAsync(_dir.File(".credsync/local-org")))
        {
            await org.EnsureAsync(HttpMethod.Patch, "/named-credentials/credential", new JsonObject
            {
                ["externalCredential"] = "Stripe",
                ["principalName"] = "Default",
                ["principalType"] = "NamedPrincipal",
                ["authenticationProtocol"] = "Custom",
                ["credentials"] = new JsonObject { ["CachedToken"] = new JsonObject { ["encrypted"] = true, ["value"] = "apex-cache" } },
            });
        }

        var plan = await PlanJsonAsync();
        var stripe = plan["changes"]!.AsArray().Single(c => (string)c!["address"]! == "externalCredential.Stripe.principal.Default")!;

        Assert.Equal("no-op", (string)stripe["action"]!);
        Assert.Contains(stripe["keys"]!.AsArray(), k => (string)k!["name"]! == "CachedToken" && (string)k["change"]! == "unmanaged");
        await AssertConvergedAsync();
    }

    [Fact]
    public async Task ValueLostInTheOrg_IsSetAgain()
    {
        await ApplyAsync();
        await using (var org = await LocalOrgClient.StartAsync(_dir.File(".credsync/local-org")))
        {
            // What a sandbox refresh does: the principal keeps its definition and loses its values.
            using var response = await org.SendAsync(HttpMethod.Delete,
                "/named-credentials/credential?externalCredential=Partner&principalName=Service&principalType=NamedPrincipal");
            Assert.True(response.IsSuccessStatusCode);
        }

        var changes = Changed(await PlanJsonAsync());

        Assert.Single(changes);
        Assert.StartsWith("POST ", (string)changes[0]["api_call"]!);
        await ApplyAsync();
        await AssertConvergedAsync();
    }

    private async Task<CliResult> ApplyAsync()
    {
        var apply = await Credsync.RunAsync(_dir.Path, _env, "apply", "--auto-approve");
        Assert.True(apply.ExitCode == 0, apply.ToString());

        return apply;
    }

    private async Task<JsonObject> PlanJsonAsync()
    {
        var plan = await Credsync.RunAsync(_dir.Path, _env, "plan", "--format", "json");
        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.Empty(plan.Writes);

        return JsonNode.Parse(plan.Out)!.AsObject();
    }

    private async Task AssertConvergedAsync()
    {
        var plan = await Credsync.RunAsync(_dir.Path, _env, "plan", "--detailed-exitcode");
        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.Contains("No changes.", plan.Out);
    }

    private static List<JsonNode> Changed(JsonObject plan) =>
        plan["changes"]!.AsArray().OfType<JsonNode>().Where(c => (string)c["action"]! != "no-op").ToList();

    private static string[] Keys(JsonNode change) =>
        change["keys"]!.AsArray().Where(k => (string)k!["change"]! != "unmanaged").Select(k => (string)k!["name"]!).ToArray();

    public void Dispose() => _dir.Dispose();
}
