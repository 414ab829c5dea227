using CredSync.Core.Applying;
using CredSync.Core.Ledger;
using CredSync.Core.Live;
using CredSync.Core.Loading;
using CredSync.Core.Model;
using CredSync.Core.Planning;
using CredSync.Core.Secrets;
using CredSync.Core.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace CredSync.Core.Tests.Applying;

public sealed class PlanApplierTests : IDisposable
{
    private const string OrgId = "00D000000000APPLY";
    private const string Stripe = "externalCredential.Stripe";
    private const string Default = "externalCredential.Stripe.principal.Default";
    private const string Backup = "externalCredential.Stripe.principal.Backup";

    private static readonly OrgIdentity Org = new(OrgId, "https://acme.my.salesforce.com", "ci@acme.example", "66.0");

    private readonly TempFolder _temp = new();
    private readonly FakeExecutor _executor;
    private readonly FingerprintLedger _ledger;

    public PlanApplierTests()
    {
        _ledger = FingerprintLedger.Open(_temp.File("ledger.json"), new byte[32]);
        _executor = new FakeExecutor(_temp.File("ledger.json"));
    }

    public void Dispose() => _temp.Dispose();

    private PlanApplier CreateSut() => new(_executor, _ledger, NullLogger.Instance);

    [Fact]
    public async Task ApplyAsync_ExternalCredentialFails_DependentsSkippedNamingIt()
    {
        var (desired, plan) = PlanFor(TwoPrincipals, EmptyOrg());
        _executor.FailOn(Stripe, "POST");
        var sut = CreateSut();

        var result = await sut.ApplyAsync(plan, desired, null, CancellationToken.None);

        Assert.Equal(
            [(Stripe, ChangeStatus.Failed), (Backup, ChangeStatus.Skipped), (Default, ChangeStatus.Skipped)],
            result.Outcomes.Select(o => (o.Address, o.Status)));
        Assert.All(result.Skipped, o => Assert.Equal($"not attempted because '{Stripe}' did not succeed", o.Message));
        Assert.Equal([(Stripe, "POST")], _executor.Calls);
        Assert.False(result.Succeeded);
        Assert.Empty(_ledger.Addresses(OrgId));
    }

    [Fact]
    public async Task ApplyAsync_FailedCall_MessageAndCallOutcomeRecorded()
    {
        var (desired, plan) = PlanFor(TwoPrincipals, EmptyOrg());
        _executor.FailOn(Stripe, "POST");
        var sut = CreateSut();

        var result = await sut.ApplyAsync(plan, desired, null, CancellationToken.None);

        var failed = Assert.Single(result.Failed);
        Assert.Equal("boom: POST " + Stripe, failed.Message);
        var call = Assert.Single(failed.Calls);
        Assert.False(call.Succeeded);
        Assert.Equal("POST /services/data/v66.0/named-credentials/external-credentials", call.Call);
    }

    [Fact]
    public async Task ApplyAsync_SecondCallFails_PartlyApplied()
    {
        var (desired, plan) = PlanFor(OneCustomKey, Live(protocol: "Basic"));
        _executor.FailOn(Stripe, "POST");
        var sut = CreateSut();

        var result = await sut.ApplyAsync(plan, desired, null, CancellationToken.None);

        var outcome = result.Outcomes.Single(o => o.Address == Stripe);
        Assert.Equal(ChangeStatus.PartlyApplied, outcome.Status);
        Assert.Equal([true, false], outcome.Calls.Select(c => c.Succeeded));
        Assert.Contains("partly changed; run apply again", outcome.Message, StringComparison.Ordinal);
        Assert.Contains(outcome, result.Failed);
        Assert.Equal(ChangeStatus.Skipped, result.Outcomes.Single(o => o.Address == Default).Status);
    }

    [Fact]
    public async Task ApplyAsync_EachSuccessfulCall_SavesTheLedgerBeforeTheNext()
    {
        var (desired, plan) = PlanFor(TwoPrincipals, EmptyOrg());
        var sut = CreateSut();

        var result = await sut.ApplyAsync(plan, desired, null, CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal([(Stripe, "POST"), (Backup, "POST"), (Default, "POST")], _executor.Calls);
        Assert.Null(_executor.LedgerBefore[0]);
        Assert.Null(_executor.LedgerBefore[1]);
        Assert.Contains(Backup, _executor.LedgerBefore[2], StringComparison.Ordinal);
        Assert.DoesNotContain(Default, _executor.LedgerBefore[2], StringComparison.Ordinal);
        Assert.Contains(Default, File.ReadAllText(_temp.File("ledger.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_CredentialPost_RecordsThePlannedFingerprints()
    {
        var (desired, plan) = PlanFor(OneCustomKey, EmptyOrg());
        var sut = CreateSut();

        await sut.ApplyAsync(plan, desired, null, CancellationToken.None);

        var reopened = FingerprintLedger.Open(_temp.File("ledger.json"), new byte[32]);
        var entry = reopened.Get(OrgId, Default, "ApiKey");
        Assert.NotNull(entry);
        Assert.Equal(reopened.Fingerprint(OrgId, Default, "ApiKey", "k1"), entry.Fingerprint);
        Assert.True(entry.Encrypted);
    }

    [Fact]
    public async Task ApplyAsync_FailedCredentialCall_LedgerUntouched()
    {
        var (desired, plan) = PlanFor(OneCustomKey, EmptyOrg());
        _executor.FailOn(Default, "POST");
        var sut = CreateSut();

        await sut.ApplyAsync(plan, desired, null, CancellationToken.None);

        Assert.Empty(_ledger.OwnedKeys(OrgId, Default));
        Assert.False(File.Exists(_temp.File("ledger.json"))
            && File.ReadAllText(_temp.File("ledger.json")).Contains(Default, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ApplyAsync_DeleteKeys_ForgetsOnlyThoseKeys()
    {
        Written(Default, "ApiKey", "k1");
        Written(Default, "Old", "o");
        var (desired, plan) = PlanFor(OneCustomKey, Live(values: [("ApiKey", true), ("Old", true)]));
        var sut = CreateSut();

        await sut.ApplyAsync(plan, desired, null, CancellationToken.None);

        Assert.Equal([(Default, "DELETE")], _executor.Calls);
        Assert.Equal(["ApiKey"], _ledger.OwnedKeys(OrgId, Default));
        Assert.DoesNotContain("\"Old\"", File.ReadAllText(_temp.File("ledger.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_DeleteThenPatch_ForgetsBeforePatchingAndRecordsAfter()
    {
        Written(Default, "ApiKey", "before");
        Written(Default, "Old", "o");
        var (desired, plan) = PlanFor(OneCustomKey, Live(values: [("ApiKey", true), ("Old", true), ("Cache", true)]));
        var sut = CreateSut();

        await sut.ApplyAsync(plan, desired, null, CancellationToken.None);

        Assert.Equal([(Default, "DELETE"), (Default, "PATCH")], _executor.Calls);
        Assert.DoesNotContain("\"Old\"", _executor.LedgerBefore[1], StringComparison.Ordinal);
        Assert.Equal(["ApiKey"], _ledger.OwnedKeys(OrgId, Default));
        Assert.Equal(_ledger.Fingerprint(OrgId, Default, "ApiKey", "k1"), _ledger.Get(OrgId, Default,
            "ApiKey")!.Fingerprint);
    }

    [Fact]
    public async Task ApplyAsync_Put_ForgetsOwnedKeysNotSent()
    {
        Written(Default, "ApiKey", "before");
        Written(Default, "Old", "o");
        var (desired, plan) = PlanFor(OneCustomKey, Live(values: [("ApiKey", true), ("Old", true)]));
        var sut = CreateSut();

        await sut.ApplyAsync(plan, desired, null, CancellationToken.None);

        Assert.Equal([(Default, "PUT")], _executor.Calls);
        Assert.Equal(["ApiKey"], _ledger.OwnedKeys(OrgId, Default));
    }

    [Fact]
    public async Task ApplyAsync_ReplaceDeletesExternalCredential_ForgetsItsPrincipals()
    {
        Written(Default, "ApiKey", "k1");
        Written(Default, "Gone", "g");
        var (desired, plan) = PlanFor(OneCustomKey, Live(protocol: "Basic", values: [("ApiKey", true)]));
        _executor.FailOn(Default, "POST");
        var sut = CreateSut();

        await sut.ApplyAsync(plan, desired, null, CancellationToken.None);

        Assert.Equal([(Stripe, "DELETE"), (Stripe, "POST"), (Default, "POST")], _executor.Calls);
        Assert.DoesNotContain(Default, _executor.LedgerBefore[1], StringComparison.Ordinal);
        Assert.Empty(_ledger.OwnedKeys(OrgId, Default));
    }

    [Fact]
    public async Task ApplyAsync_ExternalCredentialPutDropsAPrincipal_ForgetsIt()
    {
        Written(Backup, "ApiKey", "b");
        Written(Default, "ApiKey", "k1");
        var live = Live(values: [("ApiKey", true)]);
        var liveEc = live.ExternalCredentials["Stripe"];
        live = live with
        {
            ExternalCredentials = new Dictionary<string, LiveExternalCredential>
            {
                ["Stripe"] = liveEc with { Principals = [.. liveEc.Principals, new LivePrincipal("Backup",
                    "NamedPrincipal", 2, [], "Configured")] },
            },
        };
        var (desired, plan) = PlanFor(OneCustomKey, live);
        var sut = CreateSut();

        await sut.ApplyAsync(plan, desired, null, CancellationToken.None);

        Assert.Equal([(Stripe, "PUT")], _executor.Calls);
        Assert.Empty(_ledger.OwnedKeys(OrgId, Backup));
        Assert.Equal(["ApiKey"], _ledger.OwnedKeys(OrgId, Default));
    }

    [Fact]
    public async Task ApplyAsync_NoOpChanges_NotExecutedNorReported()
    {
        Written(Default, "ApiKey", "k1");
        var (desired, plan) = PlanFor(OneCustomKey, Live(values: [("ApiKey", true)]));
        var seen = new List<ChangeOutcome>();
        var sut = CreateSut();

        var result = await sut.ApplyAsync(plan, desired, seen.Add, CancellationToken.None);

        Assert.Empty(_executor.Calls);
        Assert.Empty(result.Outcomes);
        Assert.Empty(seen);
        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task ApplyAsync_OnChange_CalledOncePerOutcomeInOrder()
    {
        var (desired, plan) = PlanFor(TwoPrincipals, EmptyOrg());
        var seen = new List<ChangeOutcome>();
        var sut = CreateSut();

        var result = await sut.ApplyAsync(plan, desired, seen.Add, CancellationToken.None);

        Assert.Equal(result.Outcomes, seen);
    }

    [Fact]
    public async Task ApplyAsync_Cancelled_Propagates()
    {
        var (desired, plan) = PlanFor(TwoPrincipals, EmptyOrg());
        _executor.CancelOn(Stripe);
        var sut = CreateSut();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sut.ApplyAsync(plan, desired, null,
            CancellationToken.None));
    }

    // ----- helpers -----

    private const string OneCustomKey = """
        externalCredentials:
          Stripe:
            label: Stripe
            protocol: Custom
            principals:
              Default:
                type: NamedPrincipal
                credentials:
                  ApiKey: { secret: "s:KEY" }
        """;

    private const string TwoPrincipals = """
        externalCredentials:
          Stripe:
            label: Stripe
            protocol: Custom
            principals:
              Default:
                type: NamedPrincipal
                credentials:
                  ApiKey: { secret: "s:KEY" }
              Backup:
                type: NamedPrincipal
                credentials:
                  ApiKey: { secret: "s:KEY" }
        """;

    private (DesiredState Desired, Plan Plan) PlanFor(string body, LiveOrgState live)
    {
        var desired = DesiredStateLoader.Parse("credsync.yaml", "version: 1\nstores:\n  s: { type: env }\n" + body,
            baseDirectory: _temp.Path);
        var secrets = new ResolvedSecrets(new Dictionary<SecretReference, SecretValue>
        {
            [new SecretReference("s", "KEY")] = new("k1"),
        });

        return (desired, Planner.Build(desired, live, secrets, _ledger));
    }

    private static LiveOrgState EmptyOrg() => new(Org, new Dictionary<string, LiveExternalCredential>(),
        new Dictionary<string, LiveNamedCredential>(), new Dictionary<(string, string), LiveCredentials>(), [], []);

    private static LiveOrgState Live(string protocol = "Custom", (string Key, bool Encrypted)[]? values = null)
    {
        var ec = new LiveExternalCredential("Stripe", "Stripe", null, protocol, null, [], [],
            [new LivePrincipal("Default", "NamedPrincipal", 1, [], "Configured")]);
        var credentials = new Dictionary<(string, string), LiveCredentials>();

        if (values is not null)
        {
            credentials[("Stripe", "Default")] = new LiveCredentials("Stripe", "Default", "NamedPrincipal",
                "Configured",
                values.ToDictionary(v => v.Key, v => new LiveCredentialValue(v.Encrypted, null),
                    StringComparer.Ordinal));
        }

        return new LiveOrgState(Org, new Dictionary<string, LiveExternalCredential> { ["Stripe"] = ec },
            new Dictionary<string, LiveNamedCredential>(), credentials, ["Stripe"], []);
    }

    private void Written(string address, string key, string value) =>
        _ledger.Record(OrgId, address, key, _ledger.Fingerprint(OrgId, address, key, value), true);

    /// <summary>
    /// Records each call, reads the ledger as a new process would when the call starts (the file
    /// and its journal), and fails on demand.
    /// </summary>
    private sealed class FakeExecutor(string ledgerPath) : IChangeExecutor
    {
        private readonly HashSet<(string, string)> _failures = [];
        private string? _cancelOn;

        public List<(string Address, string Method)> Calls { get; } = [];

        public List<string?> LedgerBefore { get; } = [];

        public void FailOn(string address, string method) => _failures.Add((address, method));

        public void CancelOn(string address) => _cancelOn = address;

        public Task<int> ExecuteAsync(PlannedChange change, ApiCall call, CancellationToken cancellationToken)
        {
            Calls.Add((change.Address, call.Method));
            LedgerBefore.Add(Persisted());

            if (_cancelOn == change.Address)
            {
                throw new OperationCanceledException();
            }

            return _failures.Contains((change.Address, call.Method))
                ? throw new InvalidOperationException($"boom: {call.Method} {change.Address}")
                : Task.FromResult(200);
        }

        public string Describe(ApiCall call) => call.Display("66.0");

        private string? Persisted()
        {
            if (!File.Exists(ledgerPath) && !File.Exists(ledgerPath + ".journal"))
            {
                return null;
            }

            var reopened = FingerprintLedger.Open(ledgerPath, new byte[32]);

            return string.Join("\n", reopened.Addresses(OrgId)
                .SelectMany(a => reopened.OwnedKeys(OrgId, a).Select(k => $"{a} {k} {reopened.Get(OrgId, a, k)?.Fingerprint}")));
        }
    }
}
