using System.Text.RegularExpressions;
using CredSync.Cli.Tests.Support;

namespace CredSync.Cli.Tests;

/// <summary>
/// Which org a run talks to: SF_INSTANCE_URL with SF_ACCESS_TOKEN reaches an org over the
/// same client code as the built-in local org; `local-org serve` serves one for other clients.
/// </summary>
public sealed partial class TargetTests : IDisposable
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
        """;

    private readonly TempFolder _dir = new();

    public TargetTests()
    {
        _dir.Write("credsync.yaml", Config);
    }

    [Fact]
    public async Task LocalOrgServe_ThenEnvironmentTarget_PlansAndAppliesOverHttp()
    {
        // Given a local org served by `credsync local-org serve`
        var stdout = new StringWriter();
        using var stop = new CancellationTokenSource();
        var serving = CliApp.RunAsync(
            ["local-org", "serve", "--data", "served-org"],
            new CliEnvironment { Out = stdout, Error = new StringWriter(), WorkingDirectory = _dir.Path },
            stop.Token);

        var exports = await WaitForExportsAsync(stdout);

        // When CredSync is pointed at it through the environment, as at a real org
        var env = new Dictionary<string, string>(exports) { ["STRIPE_KEY"] = "sk_env_target" };
        var apply = await Credsync.RunAsync(_dir.Path, env, "apply", "--auto-approve");
        var plan = await Credsync.RunAsync(_dir.Path, env, "plan", "--detailed-exitcode");

        // Then it applied there (no in-process org was started) and converged
        Assert.True(apply.ExitCode == 0, apply.ToString());
        Assert.Empty(apply.Requests);
        Assert.Contains(exports["SF_INSTANCE_URL"], apply.Out);
        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.False(Directory.Exists(_dir.File(".credsync/local-org")));
        Assert.True(File.Exists(_dir.File("served-org/state.json")));

        await stop.CancelAsync();
        Assert.Equal(0, await serving);
    }

    [Theory]
    [InlineData("http://salesforce.example.com")]
    [InlineData("ftp://127.0.0.1")]
    [InlineData("not a url")]
    public async Task EnvironmentTarget_NotHttpsOrLoopback_IsRefusedBeforeAnyCall(string instanceUrl)
    {
        var env = new Dictionary<string, string>
        {
            ["SF_INSTANCE_URL"] = instanceUrl,
            ["SF_ACCESS_TOKEN"] = "00Dfake!token",
            ["STRIPE_KEY"] = "sk",
        };

        var plan = await Credsync.RunAsync(_dir.Path, env, "plan");

        Assert.Equal(3, plan.ExitCode);
        Assert.Contains("SF_INSTANCE_URL cannot be used", plan.Error);
        Assert.DoesNotContain("00Dfake!token", plan.Error);
    }

    [Theory]
    [InlineData("SF_INSTANCE_URL", "https://acme.my.salesforce.com")]
    [InlineData("SF_ACCESS_TOKEN", "00Dx!token")]
    public async Task EnvironmentTarget_HalfSet_IsRefusedInsteadOfFallingBackToTheLocalOrg(string variable, string value)
    {
        var env = new Dictionary<string, string> { [variable] = value, ["STRIPE_KEY"] = "sk" };

        var apply = await Credsync.RunAsync(_dir.Path, env, "apply", "--auto-approve");

        Assert.Equal(3, apply.ExitCode);
        Assert.Contains("is not set (or empty)", apply.Error);
        Assert.Empty(apply.Requests);
        Assert.False(Directory.Exists(_dir.File(".credsync/local-org")));
    }

    [Fact]
    public async Task EnvironmentTarget_WrongToken_ExitsOneWithTheErrorCode()
    {
        await using var org = await LocalOrgClient.StartAsync(_dir.File("org"));
        var env = new Dictionary<string, string>
        {
            ["SF_INSTANCE_URL"] = org.Server.InstanceUrl.ToString(),
            ["SF_ACCESS_TOKEN"] = "00Dwrong!token",
            ["STRIPE_KEY"] = "sk",
        };

        var plan = await Credsync.RunAsync(_dir.Path, env, "plan");

        Assert.Equal(1, plan.ExitCode);
        Assert.Contains("GET /services/oauth2/userinfo failed: 403 Bad_OAuth_Token", plan.Error);
        Assert.Contains("sf org auth show-access-token", plan.Error);
    }

    [Fact]
    public async Task TargetOrgAlias_WithoutTheSalesforceCli_ExitsThreeWithWhatToDo()
    {
        var plan = await Credsync.RunAsync(_dir.Path, new Dictionary<string, string> { ["STRIPE_KEY"] = "sk", ["PATH"] = _dir.File("empty-bin") }, "plan", "--target-org", "my-sandbox");

        Assert.Equal(3, plan.ExitCode);
        Assert.Contains("needs the Salesforce CLI (sf)", plan.Error);
        Assert.Contains("SF_INSTANCE_URL", plan.Error);
    }

    [Fact]
    public async Task TargetOrgAlias_TakesTheSessionFromTheSalesforceCli()
    {
        // Given an org the Salesforce CLI knows as 'my-sandbox' (a stand-in sf that answers as the real one does)
        await using var org = await LocalOrgClient.StartAsync(_dir.File("org"));
        var bin = WriteFakeSf(org.Server.InstanceUrl.ToString().TrimEnd('/'), org.Server.AccessToken);
        var env = new Dictionary<string, string> { ["STRIPE_KEY"] = "sk_alias", ["PATH"] = bin + ":/usr/bin:/bin" };

        // When CredSync targets it by alias
        var apply = await Credsync.RunAsync(_dir.Path, env, "apply", "--auto-approve", "--target-org", "my-sandbox");
        var unknown = await Credsync.RunAsync(_dir.Path, env, "plan", "--target-org", "nope");

        // Then the writes reach that org, the token is never shown, and an unknown alias says why
        Assert.True(apply.ExitCode == 0, apply.ToString());
        Assert.True(await org.Server.CredentialValueEqualsAsync("Stripe", "Default", "ApiKey", "sk_alias"));
        Assert.DoesNotContain(org.Server.AccessToken, apply.Out + apply.Error);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("NamedOrgNotFoundError: No authorization information found for nope.", unknown.Error);
    }

    private string WriteFakeSf(string instanceUrl, string token)
    {
        var bin = _dir.File("bin");
        var sf = _dir.Write("bin/sf", $$$"""
            #!/bin/sh
            case "$*" in
              "org display --target-org my-sandbox --json")
                echo '{"status":0,"result":{"instanceUrl":"{{{instanceUrl}}}","accessToken":"[REDACTED] Use sf org auth show-access-token to view","apiVersion":"66.0"}}' ;;
              "org auth show-access-token --target-org my-sandbox --json")
                echo '{"status":0,"result":{"accessToken":"{{{token}}}"}}' ;;
              *)
                echo '{"status":1,"name":"NamedOrgNotFoundError","message":"No authorization information found for nope."}'
                exit 1 ;;
            esac
            """);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(sf, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return bin;
    }

    private static async Task<Dictionary<string, string>> WaitForExportsAsync(StringWriter stdout)
    {
        for (var i = 0; i < 200; i++)
        {
            var matches = Export().Matches(stdout.ToString());

            if (matches.Count == 2)
            {
                return matches.ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim());
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("local-org serve did not print its exports.\n" + stdout);
    }

    [GeneratedRegex(@"^export (SF_INSTANCE_URL|SF_ACCESS_TOKEN)=(.+)$", RegexOptions.Multiline)]
    private static partial Regex Export();

    public void Dispose() => _dir.Dispose();
}
