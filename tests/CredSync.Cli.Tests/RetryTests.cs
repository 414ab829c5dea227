using CredSync.Cli.Tests.Support;
using CredSync.LocalOrg;

namespace CredSync.Cli.Tests;

/// <summary>
/// SPEC promise 4: transient faults are retried where that is safe (reads, PUT, PATCH,
/// DELETE), never for POST, and never for an exhausted daily allocation.
/// </summary>
public sealed class RetryTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly Dictionary<string, string> _env = new() { ["KEY"] = "one" };

    public RetryTests()
    {
        _dir.Write("credsync.yaml", """
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
                      ApiKey: { secret: "ci:KEY" }
            """);
    }

    [Fact]
    public async Task TransientReadFaults_AreRetriedAndThePlanSucceeds()
    {
        var plan = await Credsync.RunAsync(_dir.Path, _env,
            server => server.Faults.FailNext(503, times: 2, method: "GET", template: LocalOrgRoutes.ExternalCredentials),
            "plan");

        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.Contains("Retrying (attempt 1) after 503", plan.Error);
        Assert.Equal(3, plan.Requests.Count(r => r.Template == LocalOrgRoutes.ExternalCredentials));
    }

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    public async Task TransientFaultOnPatch_IsRetriedOnce(int status)
    {
        await ApplyAsync();
        _env["KEY"] = "two";

        var apply = await Credsync.RunAsync(_dir.Path, _env, server => server.Faults.FailNext(status, method: "PATCH"), "apply", "--auto-approve");

        Assert.True(apply.ExitCode == 0, apply.ToString());
        Assert.Equal([status, 200], apply.Writes.Select(w => w.Status));
    }

    [Fact]
    public async Task DroppedConnectionOnPut_IsRetried()
    {
        await ApplyAsync();
        _dir.Write("credsync.yaml", File.ReadAllText(_dir.File("credsync.yaml")).Replace("label: Stripe", "label: Stripe renamed", StringComparison.Ordinal));

        var apply = await Credsync.RunAsync(_dir.Path, _env, server => server.Faults.DropNext(method: "PUT"), "apply", "--auto-approve");

        Assert.True(apply.ExitCode == 0, apply.ToString());
        Assert.Equal([0, 200], apply.Writes.Select(w => w.Status));
    }

    [Fact]
    public async Task FaultOnPost_IsNotRepeated()
    {
        var apply = await Credsync.RunAsync(_dir.Path, _env, server => server.Faults.FailNext(503, method: "POST"), "apply", "--auto-approve");

        Assert.Equal(1, apply.ExitCode);
        Assert.Single(apply.Writes);
        Assert.Contains("503", apply.Error);
    }

    [Fact]
    public async Task PersistentFault_IsReportedAfterThreeRetries()
    {
        var plan = await Credsync.RunAsync(_dir.Path, _env, server => server.Faults.FailNext(503, times: 10, method: "GET", template: LocalOrgRoutes.ExternalCredentials), "plan");

        Assert.Equal(1, plan.ExitCode);
        Assert.Contains("GET /services/data/v66.0/named-credentials/external-credentials failed: 503", plan.Error);
        Assert.Equal(4, plan.Requests.Count(r => r.Template == LocalOrgRoutes.ExternalCredentials));
    }

    [Fact]
    public async Task ExhaustedDailyAllocation_StopsAtOnceWithAHint()
    {
        var plan = await Credsync.RunAsync(_dir.Path, _env,
            server => server.SetApiUsageAsync(15000).GetAwaiter().GetResult(),
            "plan");

        Assert.Equal(1, plan.ExitCode);
        Assert.Contains("403 REQUEST_LIMIT_EXCEEDED", plan.Error);
        Assert.Contains("24-hour API allocation", plan.Error);
        Assert.Single(plan.Requests, r => r.Status == 403);
    }

    private async Task ApplyAsync()
    {
        var apply = await Credsync.RunAsync(_dir.Path, _env, "apply", "--auto-approve");
        Assert.True(apply.ExitCode == 0, apply.ToString());
    }

    public void Dispose() => _dir.Dispose();
}
