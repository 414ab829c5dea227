using System.Text;
using System.Net;
using System.Text.Json.Nodes;
using CredSync.Core.Applying;
using CredSync.Core.Ledger;
using CredSync.Core.Live;
using CredSync.Core.Model;
using CredSync.Core.Planning;
using CredSync.Core.Secrets;
using CredSync.Salesforce.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace CredSync.Salesforce.Tests;

public sealed class SalesforceOrgTests
{
    [Fact]
    public async Task ConnectAsync_NoVersionRequested_PicksTheNewestAndLearnsTheOrg()
    {
        await using var org = await TestOrg.StartAsync(maxApiVersion: "62.0");
        var sut = org.CreateOrg();

        var identity = await sut.ConnectAsync(null, CancellationToken.None);

        Assert.Equal("62.0", identity.ApiVersion);
        Assert.Equal(org.Server.OrganizationId, identity.OrganizationId);
        Assert.Equal(org.Server.Username, identity.Username);
        Assert.Equal(org.Server.InstanceUrl.ToString().TrimEnd('/'), identity.InstanceUrl);
        Assert.Same(identity, sut.Identity);
    }

    [Fact]
    public async Task ConnectAsync_OfferedVersionRequested_UsesIt()
    {
        await using var org = await TestOrg.StartAsync(maxApiVersion: "66.0");
        var sut = org.CreateOrg();

        var identity = await sut.ConnectAsync("60.0", CancellationToken.None);

        Assert.Equal("60.0", identity.ApiVersion);
        Assert.Equal("GET /services/data/v60.0/x", sut.Describe(new ApiCall("GET", "/x")));
    }

    [Fact]
    public async Task ConnectAsync_VersionNotOffered_RefusedNamingTheRange()
    {
        await using var org = await TestOrg.StartAsync(maxApiVersion: "62.0");
        var sut = org.CreateOrg();

        var e = await Assert.ThrowsAsync<SalesforceConnectionException>(() => sut.ConnectAsync("66.0",
            CancellationToken.None));

        Assert.Contains("does not offer API version 66.0", e.Message, StringComparison.Ordinal);
        Assert.Contains("to 62.0", e.Message, StringComparison.Ordinal);
        Assert.Null(sut.Identity);
    }

    [Fact]
    public async Task ConnectAsync_OfferedVersionBelow59_Refused()
    {
        await using var org = await TestOrg.StartAsync(maxApiVersion: "66.0");
        var sut = org.CreateOrg();

        var e = await Assert.ThrowsAsync<SalesforceConnectionException>(() => sut.ConnectAsync("58.0",
            CancellationToken.None));

        Assert.Contains("needs 59.0 or later", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectAsync_OrgNewestBelow59_Refused()
    {
        await using var org = await TestOrg.StartAsync(maxApiVersion: "58.0");
        var sut = org.CreateOrg();

        var e = await Assert.ThrowsAsync<SalesforceConnectionException>(() => sut.ConnectAsync(null,
            CancellationToken.None));

        Assert.Contains("58.0", e.Message, StringComparison.Ordinal);
        Assert.Contains("needs 59.0 or later", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectAsync_VersionsUnordered_PicksTheNewestNumerically()
    {
        var handler = new StubHandler((request, _) => request.RequestUri!.AbsolutePath switch
        {
            "/services/data/" => StubHandler.Respond(HttpStatusCode.OK,
                "[{\"version\":\"100.0\"},{\"version\":\"59.0\"},{\"version\":\"99.0\"}]"),
            _ => StubHandler.Respond(HttpStatusCode.OK,
                "{\"organization_id\":\"00Dx\",\"preferred_username\":\"u@x\"}"),
        });
        var sut = StubOrg(handler);

        var identity = await sut.ConnectAsync(null, CancellationToken.None);

        Assert.Equal("100.0", identity.ApiVersion);
    }

    [Theory]
    [InlineData("66.0")]
    [InlineData("62.0")]
    [InlineData("59.0")]
    public async Task ExecuteAsync_PlanAppliedThenPlannedAgain_SecondPlanIsEmpty(string version)
    {
        await using var org = await TestOrg.StartAsync(maxApiVersion: version);
        var folder = Directory.CreateTempSubdirectory("credsync-sf-ledger-");

        try
        {
            var desired = Yaml.Load(Yaml.Definitions);
            var secrets = Secrets(("s:KEY", "sk_test_1"), ("s:CS", "cs-1"));
            var ledger = FingerprintLedger.Open(Path.Combine(folder.FullName, "ledger.json"), new byte[32]);
            var sut = org.CreateOrg();
            await sut.ConnectAsync(null, CancellationToken.None);

            var first = Planner.Build(desired, await sut.ReadAsync(desired, CancellationToken.None), secrets, ledger);
            sut.PrepareApply(desired, secrets);
            var result = await new PlanApplier(sut, ledger, NullLogger.Instance).ApplyAsync(first, desired, null,
                CancellationToken.None);
            var second = Planner.Build(desired, await sut.ReadAsync(desired, CancellationToken.None), secrets, ledger);

            Assert.True(result.Succeeded, string.Join("; ", result.Failed.Select(f => f.Message)));
            Assert.True(first.Summary.HasChanges);
            Assert.False(second.Summary.HasChanges, string.Join("; ",
                second.Changes.Where(c => c.Action != ChangeAction.NoOp).Select(c => $"{c.Address}: {c.Reason}")));
            Assert.All(second.Changes, c => Assert.Empty(c.Calls));
            Assert.True(await org.Server.CredentialValueEqualsAsync("Stripe", "Default", "ApiKey", "sk_test_1"));
            Assert.True(await org.Server.CredentialValueEqualsAsync("Partner", "Service", "clientSecret", "cs-1"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ExecuteAsync_PrincipalNameWithSpaceAppliedThenPlannedAgain_SecondPlanIsEmpty()
    {
        await using var org = await TestOrg.StartAsync();
        var folder = Directory.CreateTempSubdirectory("credsync-sf-ledger-");

        try
        {
            var desired = Yaml.Load("""
                externalCredentials:
                  Ops:
                    label: Ops
                    protocol: Custom
                    principals:
                      "Main Principal-1":
                        type: NamedPrincipal
                        credentials:
                          "api.key": { secret: "s:KEY" }
                """);
            var secrets = Secrets(("s:KEY", "a&b=c d+e"));
            var ledger = FingerprintLedger.Open(Path.Combine(folder.FullName, "ledger.json"), new byte[32]);
            var sut = org.CreateOrg();
            await sut.ConnectAsync(null, CancellationToken.None);

            var first = Planner.Build(desired, await sut.ReadAsync(desired, CancellationToken.None), secrets, ledger);
            sut.PrepareApply(desired, secrets);
            var result = await new PlanApplier(sut, ledger, NullLogger.Instance)
                .ApplyAsync(first, desired, null, CancellationToken.None);
            var second = Planner.Build(desired, await sut.ReadAsync(desired, CancellationToken.None), secrets, ledger);

            Assert.True(result.Succeeded, string.Join("; ", result.Failed.Select(f => f.Message)));
            Assert.False(second.Summary.HasChanges);
            Assert.True(await org.Server.CredentialValueEqualsAsync("Ops", "Main Principal-1", "api.key", "a&b=c d+e"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ReadAsync_DeclaredButAbsent_LeftOutOfTheLiveState()
    {
        await using var org = await TestOrg.StartAsync();
        var desired = Yaml.Load(Yaml.Definitions);
        var sut = org.CreateOrg();
        await sut.ConnectAsync(null, CancellationToken.None);

        var live = await sut.ReadAsync(desired, CancellationToken.None);

        Assert.Empty(live.ExternalCredentials);
        Assert.Empty(live.NamedCredentials);
        Assert.Empty(live.Credentials);
        Assert.Equal(org.Server.OrganizationId, live.Org.OrganizationId);
    }

    [Fact]
    public async Task ReadAsync_PrincipalWithoutValues_NotConfiguredAndEmpty()
    {
        await using var org = await TestOrg.StartAsync();
        var desired = Yaml.Load(Yaml.Definitions);
        var ec = desired.FindExternalCredential("Stripe")!;
        await org.Client.SendAsync(HttpMethod.Post, "/services/data/v66.0" + ApiPaths.ExternalCredentials,
            ConnectMapper.ExternalCredentialInput(ec, create: true), CancellationToken.None);
        var sut = org.CreateOrg();
        await sut.ConnectAsync(null, CancellationToken.None);

        var live = await sut.ReadAsync(desired, CancellationToken.None);

        var values = live.Credentials[("Stripe", "Default")];
        Assert.True(values.IsEmpty);
        Assert.Equal("NotConfigured", values.AuthenticationStatus);
        Assert.Contains("Stripe", live.AllExternalCredentialNames);
    }

    [Fact]
    public async Task ExecuteAsync_BeforePrepareApply_Refused()
    {
        await using var org = await TestOrg.StartAsync();
        var sut = org.CreateOrg();
        await sut.ConnectAsync(null, CancellationToken.None);
        var change = CredentialChange(out _);

        await Assert.ThrowsAsync<InvalidOperationException>(() => sut.ExecuteAsync(change, change.Calls[0],
            CancellationToken.None));
    }

    [Theory]
    [InlineData("CANARY-plain-4d1e9b0c")]
    [InlineData("CANARY+b64/Zm9vYmFy==")]
    [InlineData("CANARY<&'\">-\u00e9t\u00e9-\\path")]
    public async Task ExecuteAsync_ErrorEchoingTheBody_MessageHoldsNoPartOfTheValue(string canary)
    {
        var handler = EchoingOrg((status, body) => StubHandler.Respond(status,
            new JsonArray(new JsonObject { ["errorCode"] = "JSON_PARSER_ERROR",
                ["message"] = "Cannot read " + body }).ToJsonString()));
        var sut = StubOrg(handler);
        await sut.ConnectAsync(null, CancellationToken.None);
        var change = CredentialChange(out var desired);
        sut.PrepareApply(desired, Secrets(("s:KEY", canary)));

        var e = await Assert.ThrowsAsync<SalesforceApiException>(() => sut.ExecuteAsync(change, change.Calls[0],
            CancellationToken.None));

        Assert.Equal("JSON_PARSER_ERROR", e.ErrorCode);
        Assert.Contains("Cannot read", e.Message, StringComparison.Ordinal);
        Assert.Contains("(sensitive)", e.Message, StringComparison.Ordinal);
        AssertNoPartOf(canary, e.Message);
        AssertNoPartOf(canary, e.ErrorMessage);
    }

    [Theory]
    [InlineData("CANARY-plain-4d1e9b0c")]
    [InlineData("CANARY-a-much-longer-value-that-runs-past-the-cut-4d1e9b0c")]
    [InlineData("CANARY  two\n\tspaced  4d1e9b0c")]
    public async Task ExecuteAsync_PlainTextErrorEchoingTheBody_MessageHoldsNoPartOfTheValue(string canary)
    {
        var handler = EchoingOrg((status, body) => StubHandler.Respond(HttpStatusCode.BadGateway,
            "Refused: " + body, "text/plain"));
        var sut = StubOrg(handler);
        await sut.ConnectAsync(null, CancellationToken.None);
        var change = CredentialChange(out var desired);
        sut.PrepareApply(desired, Secrets(("s:KEY", canary)));

        var e = await Assert.ThrowsAsync<SalesforceApiException>(() => sut.ExecuteAsync(change, change.Calls[0],
            CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadGateway, e.Status);
        AssertNoPartOf(canary, e.Message);
    }

    [Theory]
    [InlineData("CANARY-partial-4d1e9b0c", "value starts with CANARY-parti")]
    [InlineData("canary-recased-4d1e9b0c", "bad value CANARY-RECASED-4D1E9B0C")]
    public async Task ExecuteAsync_ErrorQuotingARunOfTheValue_MessageIsWithheld(string canary, string message)
    {
        var handler = EchoingOrg((_, _) => StubHandler.Respond(HttpStatusCode.BadRequest,
            new JsonArray(new JsonObject { ["errorCode"] = "INVALID_API_INPUT", ["message"] = message }).ToJsonString()));
        var sut = StubOrg(handler);
        await sut.ConnectAsync(null, CancellationToken.None);
        var change = CredentialChange(out var desired);
        sut.PrepareApply(desired, Secrets(("s:KEY", canary)));

        var e = await Assert.ThrowsAsync<SalesforceApiException>(() =>
            sut.ExecuteAsync(change, change.Calls[0], CancellationToken.None));

        Assert.Equal("INVALID_API_INPUT", e.ErrorCode);
        Assert.Contains("withheld", e.ErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("base64")]
    [InlineData("base64url")]
    [InlineData("hex")]
    [InlineData("url")]
    public async Task ExecuteAsync_ErrorEchoingTheEncodedBody_MessageIsWithheld(string encoding)
    {
        const string canary = "Q\"uo\\te+pl/us=eq\u00c4\u00f6 ZZCAN1";
        var handler = EchoingOrg((_, body) =>
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            var echoed = encoding switch
            {
                "base64" => Convert.ToBase64String(bytes),
                "base64url" => Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_').TrimEnd('='),
                "hex" => Convert.ToHexString(bytes),
                _ => Uri.EscapeDataString(body),
            };

            return StubHandler.Respond(HttpStatusCode.BadRequest,
                new JsonArray(new JsonObject { ["errorCode"] = "INVALID_API_INPUT", ["message"] = "Bad body: " + echoed }).ToJsonString());
        });
        var sut = StubOrg(handler);
        await sut.ConnectAsync(null, CancellationToken.None);
        var change = CredentialChange(out var desired);
        sut.PrepareApply(desired, Secrets(("s:KEY", canary)));

        var e = await Assert.ThrowsAsync<SalesforceApiException>(() =>
            sut.ExecuteAsync(change, change.Calls[0], CancellationToken.None));

        Assert.Contains("withheld", e.ErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("Bad body", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_ErrorBodyIsJustTheValue_MessageHoldsNoPartOfIt()
    {
        const string canary = "sk_live_CANARY_4d1e9b0c";
        var handler = EchoingOrg((_, _) => StubHandler.Respond(HttpStatusCode.BadRequest, canary, "text/plain"));
        var sut = StubOrg(handler);
        await sut.ConnectAsync(null, CancellationToken.None);
        var change = CredentialChange(out var desired);
        sut.PrepareApply(desired, Secrets(("s:KEY", canary)));

        var e = await Assert.ThrowsAsync<SalesforceApiException>(() =>
            sut.ExecuteAsync(change, change.Calls[0], CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadRequest, e.Status);
        AssertNoPartOf(canary, e.Message);
        AssertNoPartOf(canary, e.ErrorCode);
    }

    [Fact]
    public async Task ExecuteAsync_Success_SendsTheValueAndAnswersTheStatus()
    {
        var handler = EchoingOrg((_, _) => StubHandler.Respond(HttpStatusCode.Created, "{}"));
        var sut = StubOrg(handler);
        await sut.ConnectAsync(null, CancellationToken.None);
        var change = CredentialChange(out var desired);
        sut.PrepareApply(desired, Secrets(("s:KEY", "v-1")));

        var status = await sut.ExecuteAsync(change, change.Calls[0], CancellationToken.None);

        Assert.Equal(201, status);
        var (request, body) = handler.Seen[^1];
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/services/data/v66.0/named-credentials/credential", request.RequestUri!.AbsolutePath);
        Assert.Equal("v-1", JsonNode.Parse(body!)!["credentials"]!["ApiKey"]!["value"]!.GetValue<string>());
    }

    // ----- helpers -----

    /// <summary>
    /// A stub org that lists v66.0, knows the user, and answers every other call with <paramref name="answer"/>.
    /// </summary>
    private static StubHandler EchoingOrg(Func<HttpStatusCode, string, HttpResponseMessage> answer) =>
        new((request, body) => request.RequestUri!.AbsolutePath switch
        {
            "/services/data/" => StubHandler.Respond(HttpStatusCode.OK,
                "[{\"version\":\"66.0\",\"url\":\"/services/data/v66.0\"}]"),
            "/services/oauth2/userinfo" => StubHandler.Respond(HttpStatusCode.OK,
                "{\"organization_id\":\"00DSTUB\",\"preferred_username\":\"u@x\"}"),
            _ => answer(HttpStatusCode.BadRequest, body ?? ""),
        });

    private static SalesforceOrg StubOrg(StubHandler handler) =>
        new(new SalesforceClient(new HttpClient(handler),
            SalesforceConnection.Create("https://acme.my.salesforce.com", "t"), NullLogger.Instance,
            TimeSpan.FromMilliseconds(1)),
            NullLogger.Instance);

    /// <summary>The credential POST a planner makes for a Custom principal with no values yet.</summary>
    private static PlannedChange CredentialChange(out DesiredState desired)
    {
        desired = Yaml.Load(
            "externalCredentials:\n  Stripe:\n    principals:\n      Default:\n        credentials:\n" +
            "          ApiKey: { secret: \"s:KEY\" }\n");
        var live = new LiveOrgState(
            new OrgIdentity("00DSTUB", "https://acme.my.salesforce.com", "u@x", "66.0"),
            new Dictionary<string, LiveExternalCredential>
            {
                ["Stripe"] = new("Stripe", "Stripe", null, "Custom", null, [], [], [new LivePrincipal("Default",
                    "NamedPrincipal", 1, [], "NotConfigured")]),
            },
            new Dictionary<string, LiveNamedCredential>(),
            new Dictionary<(string, string), LiveCredentials>(),
            ["Stripe"],
            []);
        var ledger = FingerprintLedger.Open(Path.Combine(Path.GetTempPath(),
            "credsync-never-written-" + Guid.NewGuid().ToString("N"), "l.json"), new byte[32]);
        var plan = Planner.Build(desired, live, Secrets(("s:KEY", "planning-value")), ledger);

        return Assert.Single(plan.Changes);
    }

    private static ResolvedSecrets Secrets(params (string Reference, string Value)[] values) =>
        new(values.ToDictionary(v => SecretReference.Parse(v.Reference), v => new SecretValue(v.Value)));

    /// <summary>Neither the value nor any stretch of 6 or more of its characters appears.</summary>
    private static void AssertNoPartOf(string canary, string text)
    {
        for (var i = 0; i + 6 <= canary.Length; i++)
        {
            Assert.DoesNotContain(canary.Substring(i, 6), text, StringComparison.Ordinal);
        }
    }
}
