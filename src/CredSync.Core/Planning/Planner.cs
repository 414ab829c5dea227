using CredSync.Core.Diagnostics;
using CredSync.Core.Ledger;
using CredSync.Core.Live;
using CredSync.Core.Model;
using CredSync.Core.Secrets;

namespace CredSync.Core.Planning;

/// <summary>
/// Pairs the desired state with the live org, diffs each pair and emits the fewest calls that
/// reconcile them, in dependency order. It reads nothing and writes nothing itself: the live
/// state, the resolved secrets and the ledger come in, a <see cref="Plan"/> goes out.
/// </summary>
public sealed partial class Planner(
    DesiredState desired,
    LiveOrgState live,
    ResolvedSecrets secrets,
    FingerprintLedger ledger)
{
    private readonly List<PlannedChange> _changes = [];
    private readonly List<Diagnostic> _diagnostics = [];

    private string Org => live.Org.OrganizationId;

    public static Plan Build(DesiredState desired, LiveOrgState live, ResolvedSecrets secrets, FingerprintLedger ledger) =>
        new Planner(desired, live, secrets, ledger).Build();

    public Plan Build()
    {
        if (!ledger.KeyMatches)
        {
            _diagnostics.Add(Diagnostic.Warning(
                "The ledger was written with a different HMAC key.",
                $"Fingerprints in '{ledger.Path}' cannot be compared, so every encrypted value is set once more. Keep the ledger key stable between runs."));
        }

        // Definitions first: credential values depend on what happens to their external credential.
        var externalChanges = desired.ExternalCredentials.ToDictionary(ec => ec.Name, PlanExternalCredential);

        foreach (var nc in desired.NamedCredentials)
        {
            PlanNamedCredential(nc, externalChanges.GetValueOrDefault(nc.ExternalCredential));
        }

        if (desired.PermissionSets.Count > 0)
        {
            _diagnostics.Add(Diagnostic.Warning(
                "Principal access is not yet reconciled.",
                $"The {desired.PermissionSets.Count} permission set(s) under 'permissionSets' were validated, but this release neither reads nor changes principal access in the org; grant it with a metadata deploy."));
        }

        foreach (var ec in desired.ExternalCredentials)
        {
            foreach (var principal in ec.Principals)
            {
                PlanCredentials(ec, principal, externalChanges[ec.Name]);
            }
        }

        PlanUndeclared();
        CheckProtectEntries();

        // A replaced external credential is deleted first; named credentials being pruned may
        // still use it, and Salesforce refuses that delete, so their deletions go first.
        var replacing = _changes.Any(c => c.Kind == ResourceKind.ExternalCredential && c.Action == ChangeAction.Replace);
        var ordered = _changes
            .OrderBy(c => replacing && c.Kind == ResourceKind.NamedCredential && c.Action == ChangeAction.Delete ? -1 : Phase(c))
            .ThenBy(c => c.Action == ChangeAction.Delete ? 0 : 1)
            .ThenBy(c => c.Address, StringComparer.Ordinal)
            .ToList();

        return new Plan(desired.SourcePath, desired.Digest, live.Org, ordered, _diagnostics, StateDigest(ordered));
    }

    /// <summary>
    /// External credentials, then named credentials, then principal access, then credential
    /// values; deletions run afterwards in the reverse order.
    /// </summary>
    private static int Phase(PlannedChange change)
    {
        var deleting = change.Action == ChangeAction.Delete;

        return (change.Kind, deleting) switch
        {
            (ResourceKind.ExternalCredential, false) => 0,
            (ResourceKind.NamedCredential, false) => 1,
            (ResourceKind.PrincipalAccess, false) => 2,
            (ResourceKind.Credentials, false) => 3,
            (ResourceKind.Credentials, true) => 4,
            (ResourceKind.PrincipalAccess, true) => 5,
            (ResourceKind.NamedCredential, true) => 6,
            _ => 7,
        };
    }

    private void PlanUndeclared()
    {
        var declaredEcs = desired.ExternalCredentials.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        var declaredNcs = desired.NamedCredentials.Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        var extraEcs = live.AllExternalCredentialNames.Where(n => !declaredEcs.Contains(n)).Order(StringComparer.Ordinal).ToList();
        var extraNcs = live.AllNamedCredentialNames.Where(n => !declaredNcs.Contains(n)).Order(StringComparer.Ordinal).ToList();

        if (!desired.Policy.Prune)
        {
            if (extraEcs.Count + extraNcs.Count > 0)
            {
                var names = extraEcs.Select(Addresses.ExternalCredential).Concat(extraNcs.Select(Addresses.NamedCredential));
                _diagnostics.Add(Diagnostic.Info(
                    $"{extraEcs.Count + extraNcs.Count} item(s) in the org are not in the file and are left alone: {string.Join(", ", names)}.",
                    "Declare them to manage them, or set 'policy.prune: true' to delete them."));
            }

            return;
        }

        foreach (var name in extraNcs)
        {
            PlanPrune(Addresses.NamedCredential(name), name, ResourceKind.NamedCredential, new ApiCall("DELETE", ApiPaths.NamedCredential(name)));
        }

        foreach (var name in extraEcs)
        {
            PlanPrune(Addresses.ExternalCredential(name), name, ResourceKind.ExternalCredential, new ApiCall("DELETE", ApiPaths.ExternalCredential(name)));
        }
    }

    /// <summary>A protect entry that names nothing protects nothing; a typo there must not pass quietly.</summary>
    private void CheckProtectEntries()
    {
        var known = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        foreach (var ec in desired.ExternalCredentials)
        {
            known.Add(ec.Address);
            known.UnionWith(ec.Principals.Select(p => Addresses.Principal(ec.Name, p.Name)));
        }

        foreach (var (name, ec) in live.ExternalCredentials)
        {
            known.UnionWith(ec.Principals.Select(p => Addresses.Principal(name, p.Name)));
        }

        known.UnionWith(desired.NamedCredentials.Select(n => n.Address));
        known.UnionWith(live.AllExternalCredentialNames.Select(Addresses.ExternalCredential));
        known.UnionWith(live.AllNamedCredentialNames.Select(Addresses.NamedCredential));

        foreach (var entry in desired.Policy.Protect.Where(p => !known.Contains(p) && !p.StartsWith("principalAccess.", StringComparison.Ordinal)))
        {
            _diagnostics.Add(Diagnostic.Warning(
                $"The policy.protect entry '{entry}' matches nothing in the file or the org, so it protects nothing.",
                "Check its spelling against the addresses in the plan."));
        }
    }

    private void PlanPrune(string address, string name, ResourceKind kind, ApiCall call)
    {
        if (desired.Policy.IsProtected(address))
        {
            _diagnostics.Add(new Diagnostic(
                DiagnosticSeverity.Warning,
                $"'{address}' is not in the file but is protected, so it is not deleted.",
                "Remove it from 'policy.protect' to let prune delete it.",
                Address: address));
            return;
        }

        _changes.Add(new PlannedChange(
            address, kind, ChangeAction.Delete, [call], [], [],
            "not declared in the file, and policy.prune is on",
            [], "present", new Dictionary<string, string>())
        {
            Name = name,
        });
    }

    private string StateDigest(IReadOnlyList<PlannedChange> changes)
    {
        var parts = new List<string> { desired.Digest, Org };

        parts.AddRange(changes.Select(c =>
            $"{c.Address} {c.Action} {c.LiveDigest} " +
            string.Join(",", c.Fingerprints.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}"))));
        parts.AddRange(live.AllExternalCredentialNames.Order(StringComparer.Ordinal));
        parts.AddRange(live.AllNamedCredentialNames.Order(StringComparer.Ordinal));

        return Digests.Combine(parts);
    }
}
