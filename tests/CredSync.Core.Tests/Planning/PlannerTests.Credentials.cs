using CredSync.Core.Diagnostics;
using CredSync.Core.Planning;

namespace CredSync.Core.Tests.Planning;

/// <summary>Which credential call the planner chooses, key by key.</summary>
public sealed partial class PlannerTests
{
    private const string Principal = "externalCredential.Stripe.principal.Default";

    [Fact]
    public void Build_NoValuesStored_PostsEveryDeclaredKey()
    {
        var desired = Desired(StripeCustom(
            "ApiKey: { secret: \"s:KEY\" }\nAccount: { value: acct_1, encrypted: false }\n" +
            "Token: { runtimeManaged: true }"));
        Secret("s:KEY", "k1");
        LiveStripe();
        LiveValues("Stripe", "Default");

        var plan = Build(desired);

        var change = Change(plan, Principal);
        Assert.Equal(ChangeAction.Create, change.Action);
        Assert.Equal("POST", Assert.Single(change.Calls).Method);
        Assert.Equal(["ApiKey", "Account"], change.Write!.Keys.Select(k => k.Key));
        Assert.All(change.Keys, k => Assert.Equal(KeyChangeKind.Add, k.Kind));
        Assert.Empty(change.DependsOn);
    }

    [Fact]
    public void Build_CustomOneKeyChanged_PatchesOnlyThatKey()
    {
        var desired = Desired(StripeCustom(
            "ApiKey: { secret: \"s:KEY\" }\nAccount: { value: acct_2, encrypted: false }"));
        Secret("s:KEY", "k1");
        LiveStripe();
        LiveValues("Stripe", "Default", ("ApiKey", true, null), ("Account", false, "acct_1"));
        RecordWritten("Stripe", "Default", "ApiKey", "k1", true);

        var plan = Build(desired);

        var change = Change(plan, Principal);
        Assert.Equal(ChangeAction.Update, change.Action);
        Assert.Equal("PATCH", Assert.Single(change.Calls).Method);
        Assert.Equal(["Account"], change.Write!.Keys.Select(k => k.Key));
        Assert.Equal(new KeyChange("Account", KeyChangeKind.Change, false, "value differs"),
            Assert.Single(change.Keys));
    }

    [Fact]
    public void Build_CustomOwnedKeyNoLongerDeclared_DeletesOnlyThatKey()
    {
        var desired = Desired(StripeCustom("ApiKey: { secret: \"s:KEY\" }"));
        Secret("s:KEY", "k1");
        LiveStripe();
        LiveValues("Stripe", "Default", ("ApiKey", true, null), ("Old", true, null));
        RecordWritten("Stripe", "Default", "ApiKey", "k1", true);
        RecordWritten("Stripe", "Default", "Old", "o", true);

        var plan = Build(desired);

        var change = Change(plan, Principal);
        Assert.Equal(ChangeAction.Delete, change.Action);
        Assert.Equal(
            "DELETE /services/data/v66.0/named-credentials/credential" +
            "?externalCredential=Stripe&principalName=Default&principalType=NamedPrincipal" +
            "&authenticationParameters=Old",
            Assert.Single(change.Calls).Display("66.0"));
        Assert.Equal(["Old"], change.DeleteKeys);
        Assert.Null(change.Write);
        Assert.Equal(1, plan.Summary.KeysToRemove);
    }

    [Fact]
    public void Build_CustomKeysRemovedAndChanged_OnePutWithTheFullSet()
    {
        var desired = Desired(StripeCustom(
            "ApiKey: { secret: \"s:KEY\" }\nAccount: { value: acct_1, encrypted: false }"));
        Secret("s:KEY", "k2");
        LiveStripe();
        LiveValues("Stripe", "Default", ("ApiKey", true, null), ("Account", false, "acct_1"), ("Old", true, null));
        RecordWritten("Stripe", "Default", "ApiKey", "k1", true);
        RecordWritten("Stripe", "Default", "Old", "o", true);

        var plan = Build(desired);

        var change = Change(plan, Principal);
        Assert.Equal("PUT", Assert.Single(change.Calls).Method);
        Assert.Equal(["ApiKey", "Account"], change.Write!.Keys.Select(k => k.Key));
        Assert.Equal(
            [("ApiKey", KeyChangeKind.Change), ("Old", KeyChangeKind.Remove)],
            change.Keys.Select(k => (k.Key, k.Kind)));
    }

    [Fact]
    public void Build_CustomRemovedAndChangedWithUnmanagedKey_DeleteThenPatch()
    {
        var desired = Desired(StripeCustom(
            "ApiKey: { secret: \"s:KEY\" }\nAccount: { value: acct_1, encrypted: false }"));
        Secret("s:KEY", "k2");
        LiveStripe();
        LiveValues("Stripe", "Default", ("ApiKey", true, null), ("Account", false, "acct_1"), ("Old", true, null),
            ("Cache", true, null));
        RecordWritten("Stripe", "Default", "ApiKey", "k1", true);
        RecordWritten("Stripe", "Default", "Old", "o", true);

        var plan = Build(desired);

        var change = Change(plan, Principal);
        Assert.Equal(["DELETE", "PATCH"], change.Calls.Select(c => c.Method));
        Assert.Equal("Old", change.Calls[0].Query.Single(q => q.Key == "authenticationParameters").Value);
        Assert.Equal(["ApiKey"], change.Write!.Keys.Select(k => k.Key));
        Assert.Equal(["Old"], change.DeleteKeys);
        Assert.Equal(KeyChangeKind.Unmanaged, change.Keys.Single(k => k.Key == "Cache").Kind);
    }

    [Fact]
    public void Build_CustomRemovedAndChangedWithRuntimeManagedKey_DeleteThenPatchKeepsIt()
    {
        var desired = Desired(StripeCustom("ApiKey: { secret: \"s:KEY\" }\nToken: { runtimeManaged: true }"));
        Secret("s:KEY", "k2");
        LiveStripe();
        LiveValues("Stripe", "Default", ("ApiKey", true, null), ("Old", true, null), ("Token", true, null));
        RecordWritten("Stripe", "Default", "ApiKey", "k1", true);
        RecordWritten("Stripe", "Default", "Old", "o", true);

        var plan = Build(desired);

        var change = Change(plan, Principal);
        Assert.Equal(["DELETE", "PATCH"], change.Calls.Select(c => c.Method));
        Assert.DoesNotContain(change.Keys, k => k.Key == "Token");
        Assert.DoesNotContain(change.Write!.Keys, k => k.Key == "Token");
    }

    [Fact]
    public void Build_OAuthSecretRotated_PutsTheFullSet()
    {
        var desired = Desired(OAuthPartner("",
            "clientId: { value: id-1, encrypted: false }\nclientSecret: { secret: \"s:CS\" }"));
        Secret("s:CS", "rotated");
        LivePartner();
        LiveValues("Partner", "Authentication", ("clientId", false, "id-1"), ("clientSecret", true, null));
        RecordWritten("Partner", "Authentication", "clientSecret", "before", true);

        var plan = Build(desired);

        var change = Change(plan, "externalCredential.Partner.principal.Authentication");
        Assert.Equal("PUT", Assert.Single(change.Calls).Method);
        Assert.Equal(["clientId", "clientSecret"], change.Write!.Keys.Select(k => k.Key));
        Assert.Equal(
            new KeyChange("clientSecret", KeyChangeKind.Change, true,
                "the store holds a new value (fingerprint changed)"),
            Assert.Single(change.Keys));
    }

    [Fact]
    public void Build_UnmanagedKeyOnly_ReportedWithoutACall()
    {
        var desired = Desired(StripeCustom("ApiKey: { secret: \"s:KEY\" }"));
        Secret("s:KEY", "k1");
        LiveStripe();
        LiveValues("Stripe", "Default", ("ApiKey", true, null), ("Cache", true, null));
        RecordWritten("Stripe", "Default", "ApiKey", "k1", true);

        var plan = Build(desired);

        var change = Change(plan, Principal);
        Assert.Equal(ChangeAction.NoOp, change.Action);
        Assert.Empty(change.Calls);
        Assert.Equal(new KeyChange("Cache", KeyChangeKind.Unmanaged, true,
            "not written by CredSync and not declared; left alone"), Assert.Single(change.Keys));
    }

    [Fact]
    public void Build_RuntimeManagedKeyWrittenEarlier_NeverTouched()
    {
        var desired = Desired(StripeCustom("ApiKey: { secret: \"s:KEY\" }\nToken: { runtimeManaged: true }"));
        Secret("s:KEY", "k1");
        LiveStripe();
        LiveValues("Stripe", "Default", ("ApiKey", true, null), ("Token", true, null));
        RecordWritten("Stripe", "Default", "ApiKey", "k1", true);
        RecordWritten("Stripe", "Default", "Token", "old", true);

        var plan = Build(desired);

        var change = Change(plan, Principal);
        Assert.Equal(ChangeAction.NoOp, change.Action);
        Assert.Empty(change.Keys);
    }

    [Fact]
    public void Build_UnencryptedValueEqual_NoOpWithoutLedger()
    {
        var desired = Desired(StripeCustom("Account: { value: acct_1, encrypted: false }"));
        LiveStripe();
        LiveValues("Stripe", "Default", ("Account", false, "acct_1"));

        var plan = Build(desired);

        Assert.Equal(ChangeAction.NoOp, Change(plan, Principal).Action);
    }

    [Fact]
    public void Build_UnencryptedValueDiffersDespiteLedgerMatch_Changed()
    {
        var desired = Desired(StripeCustom("Account: { value: acct_1, encrypted: false }"));
        LiveStripe();
        LiveValues("Stripe", "Default", ("Account", false, "edited-in-setup"));
        RecordWritten("Stripe", "Default", "Account", "acct_1", false);

        var plan = Build(desired);

        Assert.Equal(KeyChangeKind.Change, Assert.Single(Change(plan, Principal).Keys).Kind);
    }

    [Fact]
    public void Build_EncryptedWithoutLedgerRecord_Changed()
    {
        var desired = Desired(StripeCustom("ApiKey: { secret: \"s:KEY\" }"));
        Secret("s:KEY", "k1");
        LiveStripe();
        LiveValues("Stripe", "Default", ("ApiKey", true, null));

        var plan = Build(desired);

        var key = Assert.Single(Change(plan, Principal).Keys);
        Assert.Equal(KeyChangeKind.Change, key.Kind);
        Assert.Contains("no record of writing", key.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_EncryptedFingerprintMatches_NoOp()
    {
        var desired = Desired(StripeCustom("ApiKey: { secret: \"s:KEY\" }"));
        Secret("s:KEY", "k1");
        LiveStripe();
        LiveValues("Stripe", "Default", ("ApiKey", true, null));
        RecordWritten("Stripe", "Default", "ApiKey", "k1", true);

        var plan = Build(desired);

        var change = Change(plan, Principal);
        Assert.Equal(ChangeAction.NoOp, change.Action);
        Assert.Empty(change.Keys);
        Assert.Equal(Ledger.Fingerprint(OrgId, Principal, "ApiKey", "k1"), change.Fingerprints["ApiKey"]);
    }

    [Fact]
    public void Build_StoredUnencryptedButDeclaredEncrypted_Changed()
    {
        var desired = Desired(StripeCustom("ApiKey: { secret: \"s:KEY\" }"));
        Secret("s:KEY", "k1");
        LiveStripe();
        LiveValues("Stripe", "Default", ("ApiKey", false, "k1"));

        var plan = Build(desired);

        Assert.Equal("stored unencrypted, declared encrypted", Assert.Single(Change(plan, Principal).Keys).Reason);
    }

    [Fact]
    public void Build_OrgHidesEncryptedEntriesButConfiguredAndLedgerMatches_NoOp()
    {
        var desired = Desired(StripeCustom(
            "ApiKey: { secret: \"s:KEY\" }\nAccount: { value: acct_1, encrypted: false }"));
        Secret("s:KEY", "k1");
        LiveStripe();
        LiveValuesWithStatus("Stripe", "Default", "Configured", ("Account", false, "acct_1"));
        RecordWritten("Stripe", "Default", "ApiKey", "k1", true);

        var plan = Build(desired);

        Assert.Equal(ChangeAction.NoOp, Change(plan, Principal).Action);
    }

    [Fact]
    public void Build_OrgHidesEncryptedEntriesAndNotConfigured_SetAgain()
    {
        var desired = Desired(StripeCustom(
            "ApiKey: { secret: \"s:KEY\" }\nAccount: { value: acct_1, encrypted: false }"));
        Secret("s:KEY", "k1");
        LiveStripe();
        LiveValuesWithStatus("Stripe", "Default", "NotConfigured", ("Account", false, "acct_1"));
        RecordWritten("Stripe", "Default", "ApiKey", "k1", true);

        var plan = Build(desired);

        var change = Change(plan, Principal);
        Assert.Equal("PATCH", Assert.Single(change.Calls).Method);
        Assert.Equal(new KeyChange("ApiKey", KeyChangeKind.Add, true, "not set in the org (lost, or never set)"),
            Assert.Single(change.Keys));
    }

    [Fact]
    public void Build_KeyLostFromOrgThatListsEncryptedEntries_SetAgain()
    {
        var desired = Desired(StripeCustom("ApiKey: { secret: \"s:KEY\" }\nOther: { secret: \"s:OTHER\" }"));
        Secret("s:KEY", "k1");
        Secret("s:OTHER", "o1");
        LiveStripe();
        LiveValues("Stripe", "Default", ("Other", true, null));
        RecordWritten("Stripe", "Default", "ApiKey", "k1", true);
        RecordWritten("Stripe", "Default", "Other", "o1", true);

        var plan = Build(desired);

        var key = Assert.Single(Change(plan, Principal).Keys);
        Assert.Equal(("ApiKey", KeyChangeKind.Add), (key.Key, key.Kind));
    }

    [Fact]
    public void Build_LedgerWrittenWithAnotherKey_WarnsAndSetsAgain()
    {
        var other = CredSync.Core.Ledger.FingerprintLedger.Open(_temp.File("ledger.json"),
            Enumerable.Repeat((byte)7, 32).ToArray());
        other.Record(OrgId, Principal, "ApiKey", other.Fingerprint(OrgId, Principal, "ApiKey", "k1"), true);
        other.Save();
        var desired = Desired(StripeCustom("ApiKey: { secret: \"s:KEY\" }"));
        Secret("s:KEY", "k1");
        LiveStripe();
        LiveValues("Stripe", "Default", ("ApiKey", true, null));

        var plan = Build(desired);

        Assert.Contains(plan.Diagnostics,
            d => d.Severity == DiagnosticSeverity.Warning && d.Summary.Contains("different HMAC key",
            StringComparison.Ordinal));
        Assert.Equal(KeyChangeKind.Change, Assert.Single(Change(plan, Principal).Keys).Kind);
    }

    [Fact]
    public void Build_PlanHoldsNoSecretValue()
    {
        const string canary = "CANARY-plan-7c1d";
        var desired = Desired(StripeCustom("ApiKey: { secret: \"s:KEY\" }"));
        Secret("s:KEY", canary);
        LiveStripe();
        LiveValues("Stripe", "Default", ("ApiKey", true, null));

        var plan = Build(desired);

        var text = System.Text.Json.JsonSerializer.Serialize(plan);
        Assert.DoesNotContain(canary, text, StringComparison.Ordinal);
        Assert.Contains("ApiKey", text, StringComparison.Ordinal);
    }

    [Fact]
    public void StateDigest_SecretRotates_Changes()
    {
        var desired = Desired(StripeCustom("ApiKey: { secret: \"s:KEY\" }"));
        LiveStripe();
        LiveValues("Stripe", "Default", ("ApiKey", true, null));
        Secret("s:KEY", "k1");
        var before = Build(desired).StateDigest;

        Secret("s:KEY", "k2");
        var after = Build(desired).StateDigest;

        Assert.NotEqual(before, after);
    }

    [Fact]
    public void StateDigest_LiveChanges_Changes()
    {
        var desired = Desired(StripeCustom("Account: { value: acct_1, encrypted: false }") + StripeApi());
        LiveStripe();
        LiveApi();
        LiveValues("Stripe", "Default", ("Account", false, "acct_1"));
        var first = Build(desired).StateDigest;

        Assert.Equal(first, Build(desired).StateDigest);

        LiveValues("Stripe", "Default", ("Account", false, "acct_X"));
        var valueMoved = Build(desired).StateDigest;
        LiveValues("Stripe", "Default", ("Account", false, "acct_1"));
        LiveApi(url: "https://elsewhere");
        var definitionMoved = Build(desired).StateDigest;
        LiveApi();
        _extraNcs.Add("SomeoneElses");
        var listMoved = Build(desired).StateDigest;

        Assert.Equal(4, new HashSet<string> { first, valueMoved, definitionMoved, listMoved }.Count);
    }
}
