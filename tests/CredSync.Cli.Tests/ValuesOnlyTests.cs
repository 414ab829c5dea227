using System.Text.Json.Nodes;
using CredSync.Cli.Tests.Support;

namespace CredSync.Cli.Tests;

/// <summary>
/// The seed case: an external credential deployed by someone else gets its secret from a
/// values-only file; CredSync never touches the definition.
/// </summary>
public sealed class ValuesOnlyTests : IDisposable
{
    private const string Config = """
        version: 1
        stores:
          ci: { type: env }
        externalCredentials:
          ExternalCred:
            principals:
              Authentication:
                credentials:
                  refresh_token: { secret: "ci:PARTNER_REFRESH_TOKEN" }
        """;

    private readonly TempFolder _dir = new();
    private readonly Dictionary<string, string> _env = new() { ["PARTNER_REFRESH_TOKEN"] = "rt-seed-value" };

    public ValuesOnlyTests()
    {
        _dir.Write("credsync.yaml", Config);
    }

    [Fact]
    public async Task DeployedByOthers_RefreshTokenIsSetWithOnePatch()
    {
        // Given an external credential made outside CredSync, whose principal already holds a client id.
        await using (var org = await LocalOrgClient.StartAsync(_dir.File(".credsync/local-org")))
        {
            await DeployAsync(org);
            await org.EnsureAsync(HttpMethod.Post, "/named-credentials/credential", Credential("client_id", "cid-by-admin", encrypted: false));
        }

        // When the values-only file is applied
        var apply = await Credsync.RunAsync(_dir.Path, _env, "apply", "--auto-approve");

        // Then one PATCH sets the refresh token and nothing else is written
        Assert.True(apply.ExitCode == 0, apply.ToString());
        var write = Assert.Single(apply.Writes);
        Assert.Equal("PATCH", write.Method);
        Assert.Contains("externalCredential=ExternalCred", write.Query);

        await using (var org = await LocalOrgClient.StartAsync(_dir.File(".credsync/local-org")))
        {
            var stored = await org.GetJsonAsync("/named-credentials/credential?externalCredential=ExternalCred&principalName=Authentication&principalType=NamedPrincipal");
            Assert.Equal("cid-by-admin", (string)stored!["credentials"]!["client_id"]!["value"]!);
            Assert.True((bool)stored["credentials"]!["refresh_token"]!["encrypted"]!);

            var definition = await org.GetJsonAsync("/named-credentials/external-credentials/ExternalCred");
            Assert.Equal("Deployed by metadata", (string)definition!["masterLabel"]!);
        }

        var again = await Credsync.RunAsync(_dir.Path, _env, "plan", "--detailed-exitcode");
        Assert.True(again.ExitCode == 0, again.ToString());
    }

    [Fact]
    public async Task OrgWithoutTheExternalCredential_FailsBeforeAnyWrite()
    {
        var apply = await Credsync.RunAsync(_dir.Path, _env, "apply", "--auto-approve");

        Assert.Equal(1, apply.ExitCode);
        Assert.Empty(apply.Writes);
        Assert.Contains("External credential 'ExternalCred'", apply.Error);
        Assert.Contains("principal 'Authentication'", apply.Error);
        Assert.Contains("(org 00D", apply.Error);
        Assert.Contains("Manage Named Credentials", apply.Error);
        Assert.Contains("credsync.yaml:5:3", apply.Error);
    }

    [Fact]
    public async Task OrgWithoutThePrincipal_FailsBeforeAnyWrite()
    {
        await using (var org = await LocalOrgClient.StartAsync(_dir.File(".credsync/local-org")))
        {
            await DeployAsync(org, principal: "Other");
        }

        var plan = await Credsync.RunAsync(_dir.Path, _env, "plan");

        Assert.Equal(1, plan.ExitCode);
        Assert.Empty(plan.Writes);
        Assert.Contains("has no principal 'Authentication'", plan.Error);
        Assert.Contains("'Other'", plan.Error);
    }

    private static Task DeployAsync(LocalOrgClient org, string principal = "Authentication") =>
        org.EnsureAsync(HttpMethod.Post, "/named-credentials/external-credentials", new JsonObject
        {
            ["developerName"] = "ExternalCred",
            ["masterLabel"] = "Deployed by metadata",
            ["authenticationProtocol"] = "Custom",
            ["principals"] = new JsonArray(new JsonObject
            {
                ["principalName"] = principal,
                ["principalType"] = "NamedPrincipal",
                ["sequenceNumber"] = 1,
            }),
        });

    private static JsonObject Credential(string key, string value, bool encrypted) => new()
    {
        ["externalCredential"] = "ExternalCred",
        ["principalName"] = "Authentication",
        ["principalType"] = "NamedPrincipal",
        ["authenticationProtocol"] = "Custom",
        ["credentials"] = new JsonObject { [key] = new JsonObject { ["encrypted"] = encrypted, ["value"] = value } },
    };

    public void Dispose() => _dir.Dispose();
}
