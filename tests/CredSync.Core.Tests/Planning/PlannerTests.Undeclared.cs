using CredSync.Core.Diagnostics;
using CredSync.Core.Planning;

namespace CredSync.Core.Tests.Planning;

/// <summary>Items in the org that the file does not declare.</summary>
public sealed partial class PlannerTests
{
    [Fact]
    public void Build_PruneOff_InfoListsExtrasAndNoDeletes()
    {
        var desired = Desired(StripeCustom(""));
        LiveStripe();
        _extraEcs.Add("Legacy");
        _extraNcs.Add("LegacyApi");

        var plan = Build(desired);

        Assert.DoesNotContain(plan.Changes, c => c.Action == ChangeAction.Delete);
        var info = Assert.Single(plan.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Info, info.Severity);
        Assert.Contains("externalCredential.Legacy", info.Summary, StringComparison.Ordinal);
        Assert.Contains("namedCredential.LegacyApi", info.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_PruneOn_DeletesNamedThenExternalAfterEverythingElse()
    {
        var desired = Desired(StripeCustom("ApiKey: { secret: \"s:KEY\" }") + "policy:\n  prune: true\n");
        Secret("s:KEY", "k1");
        _extraEcs.Add("Legacy");
        _extraNcs.Add("LegacyApi");

        var plan = Build(desired);

        Assert.Equal(
            [
                ("externalCredential.Stripe", ChangeAction.Create),
                ("externalCredential.Stripe.principal.Default", ChangeAction.Create),
                ("namedCredential.LegacyApi", ChangeAction.Delete),
                ("externalCredential.Legacy", ChangeAction.Delete),
            ],
            plan.Changes.Select(c => (c.Address, c.Action)));
        Assert.Equal("DELETE /services/data/v66.0/named-credentials/named-credential-setup/LegacyApi", Single(plan,
            "namedCredential.LegacyApi").Display);
        Assert.Equal("DELETE /services/data/v66.0/named-credentials/external-credentials/Legacy", Single(plan,
            "externalCredential.Legacy").Display);
        Assert.Equal(2, plan.Summary.Delete);
    }

    [Fact]
    public void Build_PruneOnProtectedItem_SkippedWithWarning()
    {
        var desired = Desired(StripeCustom("") +
            "policy:\n  prune: true\n  protect: [ \"namedCredential.LegacyApi\" ]\n");
        LiveStripe();
        _extraEcs.Add("Legacy");
        _extraNcs.Add("LegacyApi");

        var plan = Build(desired);

        Assert.DoesNotContain(plan.Changes, c => c.Address == "namedCredential.LegacyApi");
        Assert.Equal(ChangeAction.Delete, Change(plan, "externalCredential.Legacy").Action);
        var warning = Assert.Single(plan.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal("namedCredential.LegacyApi", warning.Address);
    }

    [Fact]
    public void Build_NothingUndeclared_NoDiagnostics()
    {
        var desired = Desired(StripeCustom(""));
        LiveStripe();

        var plan = Build(desired);

        Assert.Empty(plan.Diagnostics);
        Assert.False(plan.Summary.HasChanges);
    }
}
