using CredSync.Core.Diagnostics;
using CredSync.Core.Ledger;
using CredSync.Core.Live;
using CredSync.Core.Loading;
using CredSync.Core.Model;
using CredSync.Core.Planning;
using CredSync.Core.Secrets;
using CredSync.Core.Tests.Support;

namespace CredSync.Core.Tests.Planning;

/// <summary>
/// Planner.Build on a desired state read from YAML and a live state built by hand. This part
/// holds the helpers and the definition (external and named credential) cases.
/// </summary>
public sealed partial class PlannerTests : IDisposable
{
    private const string OrgId = "00D000000000TEST";

    private static readonly OrgIdentity Org = new(OrgId, "https://acme.my.salesforce.com", "ci@acme.example", "66.0");

    private readonly TempFolder _temp = new();
    private readonly Dictionary<SecretReference, SecretValue> _secrets = [];
    private readonly Dictionary<string, LiveExternalCredential> _liveEcs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LiveNamedCredential> _liveNcs = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), LiveCredentials> _liveCredentials = [];
    private readonly List<string> _extraEcs = [];
    private readonly List<string> _extraNcs = [];
    private FingerprintLedger? _ledger;
    private OrgIdentity _org = Org;

    public void Dispose() => _temp.Dispose();

    private FingerprintLedger Ledger => _ledger ??= FingerprintLedger.Open(_temp.File("ledger.json"), new byte[32]);

    // ----- definitions -----

    [Fact]
    public void Build_EmptyOrg_CreatesExternalThenNamedThenCredentials()
    {
        var desired = Desired(StripeCustom("ApiKey: { secret: \"s:STRIPE\" }") + StripeApi());
        Secret("s:STRIPE", "sk_live_1");

        var plan = Build(desired);

        Assert.Equal(
            [
                ("externalCredential.Stripe", ChangeAction.Create),
                ("namedCredential.StripeAPI", ChangeAction.Create),
                ("externalCredential.Stripe.principal.Default", ChangeAction.Create),
            ],
            plan.Changes.Select(c => (c.Address, c.Action)));
        Assert.Equal("POST /services/data/v66.0/named-credentials/external-credentials", Single(plan,
            "externalCredential.Stripe").Display);
        Assert.Equal("POST /services/data/v66.0/named-credentials/named-credential-setup", Single(plan,
            "namedCredential.StripeAPI").Display);
        Assert.Equal(["externalCredential.Stripe"], Change(plan, "namedCredential.StripeAPI").DependsOn);
        Assert.Equal(["externalCredential.Stripe"], Change(plan,
            "externalCredential.Stripe.principal.Default").DependsOn);
        Assert.Empty(Change(plan, "externalCredential.Stripe").DependsOn);
        Assert.False(plan.HasErrors);
    }

    [Fact]
    public void Build_EmptyOrg_CredentialPostNamesThePrincipal()
    {
        var desired = Desired(StripeCustom("ApiKey: { secret: \"s:STRIPE\" }"));
        Secret("s:STRIPE", "sk_live_1");

        var plan = Build(desired);

        var change = Change(plan, "externalCredential.Stripe.principal.Default");
        Assert.Equal(
            "POST /services/data/v66.0/named-credentials/credential" +
            "?externalCredential=Stripe&principalName=Default&principalType=NamedPrincipal",
            change.Calls.Single().Display("66.0"));
        Assert.Equal(["ApiKey"], change.Write!.Keys.Select(k => k.Key));
        Assert.Equal(1, plan.Summary.SecretValuesToSet);
    }

    [Fact]
    public void Build_NamedCredentialMatches_NoOpWithoutCalls()
    {
        var desired = Desired(StripeCustom("") + StripeApi("allowedNamespaces: [ zeta, alpha ]"));
        LiveStripe();
        LiveApi(allowedNamespaces: ["alpha", "zeta"]);

        var plan = Build(desired);

        var change = Change(plan, "namedCredential.StripeAPI");
        Assert.Equal(ChangeAction.NoOp, change.Action);
        Assert.Empty(change.Calls);
        Assert.Empty(change.Fields);
        Assert.False(plan.Summary.HasChanges);
    }

    [Fact]
    public void Build_NamedCredentialNamespacesInOtherOrder_NoOp()
    {
        var desired = Desired(StripeCustom("") + StripeApi("allowedNamespaces: [ alpha, beta, gamma ]"));
        LiveStripe();
        LiveApi(allowedNamespaces: ["gamma", "alpha", "beta"]);

        var plan = Build(desired);

        Assert.Equal(ChangeAction.NoOp, Change(plan, "namedCredential.StripeAPI").Action);
    }

    [Fact]
    public void Build_NamedCredentialUrlDiffers_OnePutNamingTheField()
    {
        var desired = Desired(StripeCustom("") + StripeApi());
        LiveStripe();
        LiveApi(url: "https://old.stripe.com");

        var plan = Build(desired);

        var change = Change(plan, "namedCredential.StripeAPI");
        Assert.Equal(ChangeAction.Update, change.Action);
        Assert.Equal("PUT /services/data/v66.0/named-credentials/named-credential-setup/StripeAPI",
            Assert.Single(change.Calls).Display("66.0"));
        Assert.Equal(new FieldChange("url", "https://old.stripe.com", "https://api.stripe.com"),
            Assert.Single(change.Fields));
        Assert.Empty(change.DependsOn);
    }

    [Fact]
    public void Build_NamedCredentialNamespaceAdded_Update()
    {
        var desired = Desired(StripeCustom("") + StripeApi("allowedNamespaces: [ alpha, beta ]"));
        LiveStripe();
        LiveApi(allowedNamespaces: ["alpha"]);

        var plan = Build(desired);

        var field = Assert.Single(Change(plan, "namedCredential.StripeAPI").Fields);
        Assert.Equal(new FieldChange("allowedNamespaces", "[alpha]", "[alpha, beta]"), field);
    }

    [Theory]
    [InlineData("66.0", ChangeAction.Update)]
    [InlineData("64.0", ChangeAction.Update)]
    [InlineData("62.0", ChangeAction.NoOp)]
    public void Build_NamedCredentialDescription_ComparedOnlyWhereTheApiHasIt(string version, ChangeAction expected)
    {
        var desired = Desired(StripeCustom("") + StripeApi("description: Payments"));
        LiveStripe();
        LiveApi();
        _org = Org with { ApiVersion = version };

        var plan = Build(desired);

        Assert.Equal(expected, Change(plan, "namedCredential.StripeAPI").Action);
    }

    [Fact]
    public void Build_ExternalCredentialMatches_NoOp()
    {
        var desired = Desired(StripeCustom(""));
        LiveStripe();

        var plan = Build(desired);

        Assert.Equal(ChangeAction.NoOp, Change(plan, "externalCredential.Stripe").Action);
        Assert.Empty(Change(plan, "externalCredential.Stripe").Calls);
    }

    [Fact]
    public void Build_ExternalCredentialParametersInOtherOrder_NoOp()
    {
        var desired = Desired(OAuthPartner(
            "parameters:\n      - { type: AuthProviderUrl, name: AuthProviderUrl, value: \"https://a/token\" }\n" +
            "      - { type: AuthParameter, name: Scope, value: read }\n", ""));
        LivePartner(parameters: [new Parameter("AuthParameter", "Scope", "read"), new Parameter("AuthProviderUrl",
            "AuthProviderUrl", "https://a/token")]);

        var plan = Build(desired);

        Assert.Equal(ChangeAction.NoOp, Change(plan, "externalCredential.Partner").Action);
    }

    [Fact]
    public void Build_ExternalCredentialLabelAndHeaderDiffer_OnePut()
    {
        var desired = Desired(StripeCustom(""));
        LiveStripe(label: "Old label", headers: [new Header("Authorization", "old", 1)]);

        var plan = Build(desired);

        var change = Change(plan, "externalCredential.Stripe");
        Assert.Equal(ChangeAction.Update, change.Action);
        Assert.Equal("PUT /services/data/v66.0/named-credentials/external-credentials/Stripe",
            Assert.Single(change.Calls).Display("66.0"));
        Assert.Equal(["label", "headers"], change.Fields.Select(f => f.Field));
    }

    [Fact]
    public void Build_NewPrincipalOnExistingExternalCredential_UpdateThenPostValues()
    {
        var desired = Desired(StripeCustom("ApiKey: { secret: \"s:STRIPE\" }"));
        Secret("s:STRIPE", "v");
        LiveStripe(principals: []);

        var plan = Build(desired);

        Assert.Equal(["principals.Default"], Change(plan, "externalCredential.Stripe").Fields.Select(f => f.Field));
        var credentials = Change(plan, "externalCredential.Stripe.principal.Default");
        Assert.Equal("POST", Assert.Single(credentials.Calls).Method);
        Assert.Equal(["externalCredential.Stripe"], credentials.DependsOn);
    }

    [Fact]
    public void Build_ProtocolChanged_ReplaceAndValuesSetAgain()
    {
        var desired = Desired(StripeCustom("ApiKey: { secret: \"s:STRIPE\" }"));
        Secret("s:STRIPE", "v");
        LiveStripe(protocol: "Basic");
        LiveValues("Stripe", "Default", ("ApiKey", true, null));
        RecordWritten("Stripe", "Default", "ApiKey", "v", true);

        var plan = Build(desired);

        var replace = Change(plan, "externalCredential.Stripe");
        Assert.Equal(ChangeAction.Replace, replace.Action);
        Assert.Equal(["DELETE", "POST"], replace.Calls.Select(c => c.Method));
        Assert.False(plan.HasErrors);
        var values = Change(plan, "externalCredential.Stripe.principal.Default");
        Assert.Equal(ChangeAction.Create, values.Action);
        Assert.Equal(["externalCredential.Stripe"], values.DependsOn);
    }

    [Fact]
    public void Build_ProtocolChangeOfProtectedItem_RefusedWithError()
    {
        var desired = Desired(StripeCustom("") + "policy:\n  protect: [ \"externalCredential.Stripe\" ]\n");
        LiveStripe(protocol: "Basic");

        var plan = Build(desired);

        var error = Assert.Single(plan.Diagnostics, d => d.IsError);
        Assert.Contains("'externalCredential.Stripe' must be replaced", error.Summary, StringComparison.Ordinal);
        Assert.Contains("protected", error.Summary, StringComparison.Ordinal);
        Assert.Equal("externalCredential.Stripe", error.Address);
    }

    [Fact]
    public void Build_ProtocolChangeWhileNamedCredentialUsesIt_RefusedNamingIt()
    {
        var desired = Desired(StripeCustom("") + StripeApi());
        LiveStripe(protocol: "Basic");
        LiveApi();

        var plan = Build(desired);

        var error = Assert.Single(plan.Diagnostics, d => d.IsError);
        Assert.Contains("named credential(s) 'StripeAPI' still use it", error.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ValuesOnlyExternalCredentialMissing_ErrorNamingItsPrincipalAndOrg()
    {
        var desired = Desired(ValuesOnly("refresh_token: { secret: \"s:RT\" }"));
        Secret("s:RT", "rt");

        var plan = Build(desired);

        var error = Assert.Single(plan.Diagnostics, d => d.IsError);
        Assert.Contains("External credential 'Partner'", error.Summary, StringComparison.Ordinal);
        Assert.Contains("'Authentication'", error.Summary, StringComparison.Ordinal);
        Assert.Contains(Org.Display, error.Summary, StringComparison.Ordinal);
        Assert.Contains("Manage Named Credentials", error.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(plan.Changes, c => c.Action != ChangeAction.NoOp);
    }

    [Fact]
    public void Build_ValuesOnlyPrincipalMissing_ErrorNamingPrincipalAndOrg()
    {
        var desired = Desired(ValuesOnly("refresh_token: { secret: \"s:RT\" }"));
        Secret("s:RT", "rt");
        LivePartner(principals: [new LivePrincipal("Other", "NamedPrincipal", 1, [], "Configured")]);

        var plan = Build(desired);

        var error = Assert.Single(plan.Diagnostics, d => d.IsError);
        Assert.Equal($"External credential 'Partner' in org {Org.Display} has no principal 'Authentication'.",
            error.Summary);
        Assert.Contains("'Other'", error.Detail, StringComparison.Ordinal);
        Assert.Equal("externalCredential.Partner.principal.Authentication", error.Address);
        Assert.Empty(plan.Changes);
    }

    [Fact]
    public void Build_ValuesOnlyExisting_NoDefinitionChangeAndProtocolFromOrg()
    {
        var desired = Desired(ValuesOnly("clientSecret: { secret: \"s:CS\" }"));
        Secret("s:CS", "cs");
        LivePartner();
        LiveValues("Partner", "Authentication", ("clientId", false, "id"), ("clientSecret", true, null));

        var plan = Build(desired);

        var change = Assert.Single(plan.Changes);
        Assert.Equal("externalCredential.Partner.principal.Authentication", change.Address);
        Assert.Equal("PUT", Assert.Single(change.Calls).Method);
        Assert.Equal("OAuth", change.Write!.Protocol);
        Assert.Equal("ClientCredentialsClientSecret", change.Write.Variant);
        Assert.Empty(change.DependsOn);
    }

    [Fact]
    public void Build_ValuesOnlyKeyNotTakenByOrgProtocol_Error()
    {
        var desired = Desired(ValuesOnly("apiKey: { secret: \"s:CS\" }"));
        Secret("s:CS", "cs");
        LivePartner();

        var plan = Build(desired);

        var error = Assert.Single(plan.Diagnostics, d => d.IsError);
        Assert.Contains("uses protocol OAuth in the org, which does not take 'apiKey' encrypted", error.Summary,
            StringComparison.Ordinal);
        Assert.Empty(plan.Changes);
    }

    [Fact]
    public void Build_PermissionSets_WarnThatAccessIsNotReconciled()
    {
        var desired = Desired(StripeCustom("") + "permissionSets:\n  Ops: [ \"Stripe-Default\" ]\n");
        LiveStripe();

        var plan = Build(desired);

        Assert.Contains(plan.Diagnostics,
            d => d.Severity == DiagnosticSeverity.Warning && d.Summary.Contains("Principal access",
            StringComparison.Ordinal));
    }

    // ----- helpers -----

    private DesiredState Desired(string body) =>
        DesiredStateLoader.Parse("credsync.yaml", "version: 1\nstores:\n  s: { type: env }\n" + body,
            baseDirectory: _temp.Path);

    private static string StripeCustom(string credentials) =>
        "externalCredentials:\n  Stripe:\n    label: Stripe\n    protocol: Custom\n" +
        "    headers:\n      - { name: Authorization, value: \"{!$Credential.Stripe.ApiKey}\" }\n" +
        "    principals:\n      Default:\n        type: NamedPrincipal\n" +
        (credentials.Length == 0 ? "" : "        credentials:\n" + Indent(credentials, 10));

    private static string OAuthPartner(string parameters, string credentials) =>
        "externalCredentials:\n  Partner:\n    label: Partner\n    protocol: OAuth\n" +
            "    variant: ClientCredentialsClientSecret\n" +
        (parameters.Length == 0 ? "" : "    " + parameters.TrimStart()) +
        "    principals:\n      Authentication:\n        type: NamedPrincipal\n" +
        (credentials.Length == 0 ? "" : "        credentials:\n" + Indent(credentials, 10));

    private static string ValuesOnly(string credentials) =>
        "externalCredentials:\n  Partner:\n    principals:\n      Authentication:\n        credentials:\n" +
            Indent(credentials, 10);

    private static string StripeApi(string extra = "") =>
        "namedCredentials:\n  StripeAPI:\n    label: Stripe API\n    url: https://api.stripe.com\n" +
            "    externalCredential: Stripe\n" +
        (extra.Length == 0 ? "" : "    " + extra + "\n");

    private static string Indent(string lines, int spaces) =>
        string.Concat(lines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => new string(' ',
            spaces) + l.Trim() + "\n"));

    private void Secret(string reference,
        string value) => _secrets[SecretReference.Parse(reference)] = new SecretValue(value);

    private void LiveStripe(
        string label = "Stripe",
        string protocol = "Custom",
        IReadOnlyList<Header>? headers = null,
        IReadOnlyList<LivePrincipal>? principals = null) =>
        _liveEcs["Stripe"] = new LiveExternalCredential(
            "Stripe", label, null, protocol, null,
            headers ?? [new Header("Authorization", "{!$Credential.Stripe.ApiKey}", 1)],
            [],
            principals ?? [new LivePrincipal("Default", "NamedPrincipal", 1, [], "Configured")]);

    private void LivePartner(IReadOnlyList<Parameter>? parameters = null,
        IReadOnlyList<LivePrincipal>? principals = null) =>
        _liveEcs["Partner"] = new LiveExternalCredential(
            "Partner", "Partner", null, "OAuth", "ClientCredentialsClientSecret", [],
            parameters ?? [],
            principals ?? [new LivePrincipal("Authentication", "NamedPrincipal", 1, [], "Configured")]);

    private void LiveApi(string url = "https://api.stripe.com", IReadOnlyList<string>? allowedNamespaces = null) =>
        _liveNcs["StripeAPI"] = new LiveNamedCredential(
            "StripeAPI", "Stripe API", null, url, "Stripe", "SecuredEndpoint", null, null,
            true, true, false, false, [], allowedNamespaces ?? []);

    private void LiveValues(string ec, string principal, params (string Key, bool Encrypted, string? Value)[] values) =>
        LiveValuesWithStatus(ec, principal, values.Length == 0 ? "NotConfigured" : "Configured", values);

    private void LiveValuesWithStatus(string ec, string principal, string status, params (string Key,
        bool Encrypted, string? Value)[] values) =>
        _liveCredentials[(ec, principal)] = new LiveCredentials(
            ec, principal, "NamedPrincipal", status,
            values.ToDictionary(v => v.Key, v => new LiveCredentialValue(v.Encrypted, v.Encrypted ? null : v.Value),
                StringComparer.Ordinal));

    private void RecordWritten(string ec, string principal, string key, string value, bool encrypted)
    {
        var address = Addresses.Principal(ec, principal);
        Ledger.Record(OrgId, address, key, Ledger.Fingerprint(OrgId, address, key, value), encrypted);
    }

    private LiveOrgState LiveState() => new(
        _org,
        new Dictionary<string, LiveExternalCredential>(_liveEcs),
        new Dictionary<string, LiveNamedCredential>(_liveNcs),
        new Dictionary<(string, string), LiveCredentials>(_liveCredentials),
        [.. _liveEcs.Keys, .. _extraEcs],
        [.. _liveNcs.Keys, .. _extraNcs]);

    private Plan Build(DesiredState desired) =>
        Planner.Build(desired, LiveState(),
            new ResolvedSecrets(new Dictionary<SecretReference, SecretValue>(_secrets)), Ledger);

    private static PlannedChange Change(Plan plan, string address) => Assert.Single(plan.Changes,
        c => c.Address == address);

    private static (ApiCall Call, string Display) Single(Plan plan, string address)
    {
        var call = Assert.Single(Change(plan, address).Calls);

        return (call, call.Display("66.0"));
    }
}
