using CredSync.Cli.Tests.Support;

namespace CredSync.Cli.Tests;

/// <summary>
/// SPEC promise 1: a secret value never appears in stdout, stderr, logs, plan files, the
/// ledger, the local org's read API or its files. Canary values go through every command,
/// every format, the most verbose logging, rotation, a failure, and a saved plan.
/// </summary>
public sealed class CanaryTests : IDisposable
{
    private const string EnvCanary = "CANARY-env-5d1f0b7e";
    private const string FileCanary = "CANARY-file-93ac20e4";
    private const string JsonCanary = "CANARY-json-41be6f09";
    private const string RotatedCanary = "CANARY-rotated-c7a2d351";

    private readonly TempFolder _dir = new();
    private readonly Dictionary<string, string> _env = new() { ["API_KEY"] = EnvCanary };
    private readonly List<CliResult> _runs = [];

    public CanaryTests()
    {
        _dir.Write("credsync.yaml", """
            version: 1
            stores:
              ci: { type: env }
              vault: { type: file, root: ./outside-git }
            externalCredentials:
              Canary:
                label: Canary
                protocol: Custom
                headers:
                  - { name: Authorization, value: "{!'Bearer ' & $Credential.Canary.ApiKey}" }
                principals:
                  Main:
                    type: NamedPrincipal
                    credentials:
                      ApiKey: { secret: "ci:API_KEY" }
                      Webhook: { secret: "vault:webhook" }
              Oauth:
                label: OAuth canary
                protocol: OAuth
                variant: ClientCredentialsClientSecret
                principals:
                  Service:
                    type: NamedPrincipal
                    credentials:
                      clientId: { value: "client-id-is-not-secret", encrypted: false }
                      clientSecret: { secret: "vault:oauth.json#secret" }
            namedCredentials:
              CanaryAPI:
                url: https://canary.example.com
                externalCredential: Canary
            """);
        _dir.Write("outside-git/webhook", FileCanary + "\n");
        _dir.Write("outside-git/oauth.json", $"{{ \"secret\": \"{JsonCanary}\" }}");
    }

    [Fact]
    public async Task CanaryValues_NeverReachAnyOutputFileOrResponse()
    {
        // Every command and format, at the most verbose log level.
        await RunAsync("validate", "-v", "trace");
        await RunAsync("plan", "-v", "trace");
        await RunAsync("plan", "--format", "markdown", "-v", "trace");
        await RunAsync("plan", "--format", "json", "-v", "trace", "--out", "plan.json");
        await RunAsync("apply", "--auto-approve", "-v", "trace", "plan.json");
        await RunAsync("plan", "--format", "json", "-v", "trace");
        await RunAsync("drift", "--format", "json", "-v", "trace");

        // Rotation through a saved plan, and the stale refusal after a second rotation.
        _env["API_KEY"] = RotatedCanary;
        await RunAsync("plan", "-v", "trace", "--out", "rotate.json");
        _env["API_KEY"] = EnvCanary;
        var stale = await RunAsync("apply", "--auto-approve", "-v", "trace", "rotate.json");
        Assert.Equal(1, stale.ExitCode);
        Assert.Contains("stale", stale.Error);

        // A failed call on the way (the org refuses the write).
        _env["API_KEY"] = RotatedCanary;
        var failed = await Credsync.RunAsync(_dir.Path, _env, server => server.Faults.FailNext(500, times: 4, method: "PATCH"), "apply", "--auto-approve", "-v", "trace");
        _runs.Add(failed);
        Assert.Equal(1, failed.ExitCode);
        await RunAsync("apply", "--auto-approve", "--format", "json", "-v", "trace");

        // The local org's read API, in both readback modes.
        await using (var org = await LocalOrgClient.StartAsync(_dir.File(".credsync/local-org")))
        {
            var stored = await org.GetTextAsync("/named-credentials/credential?externalCredential=Canary&principalName=Main&principalType=NamedPrincipal");
            var oauth = await org.GetTextAsync("/named-credentials/credential?externalCredential=Oauth&principalName=Service&principalType=NamedPrincipal");

            Assert.Contains("\"ApiKey\"", stored);
            Assert.True(await org.Server.CredentialValueEqualsAsync("Canary", "Main", "ApiKey", RotatedCanary), "the rotated value was not written");
            AssertNoCanary("local org GET", stored + oauth);
        }

        foreach (var run in _runs)
        {
            AssertNoCanary("stdout", run.Out);
            AssertNoCanary("stderr", run.Error);
        }

        // Every file CredSync or the local org wrote: plan files, the ledger, the org's folder.
        var written = Directory.EnumerateFiles(_dir.Path, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains("outside-git", StringComparison.Ordinal) && !f.EndsWith("credsync.yaml", StringComparison.Ordinal))
            .ToList();

        Assert.Contains(written, f => f.EndsWith("ledger.json", StringComparison.Ordinal));
        Assert.Contains(written, f => f.EndsWith("state.json", StringComparison.Ordinal));
        Assert.Contains(written, f => f.EndsWith("plan.json", StringComparison.Ordinal));

        foreach (var file in written)
        {
            AssertNoCanary(file, System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(file)));
        }
    }

    [Fact]
    public async Task CanaryValues_NeverAppearInErrorsAboutTheirOwnStore()
    {
        _dir.Write("outside-git/oauth.json", $"{{ \"secret\": \"{JsonCanary}\", broken");

        var result = await RunAsync("plan", "-v", "trace");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("not valid JSON", result.Error);
        AssertNoCanary("stderr", result.Error);
    }

    private async Task<CliResult> RunAsync(params string[] args)
    {
        var result = await Credsync.RunAsync(_dir.Path, _env, args);
        _runs.Add(result);

        return result;
    }

    private static void AssertNoCanary(string where, string text)
    {
        foreach (var canary in new[] { EnvCanary, FileCanary, JsonCanary, RotatedCanary, "CANARY-" })
        {
            Assert.False(text.Contains(canary, StringComparison.Ordinal), $"A canary value reached {where}.");
        }
    }

    public void Dispose() => _dir.Dispose();
}
