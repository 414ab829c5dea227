using CredSync.Core.Diagnostics;
using CredSync.Core.Live;
using CredSync.Core.Model;

namespace CredSync.Core.Planning;

public sealed partial class Planner
{
    private void PlanCredentials(ExternalCredentialSpec ec, PrincipalSpec principal, PlannedChange? externalChange)
    {
        var address = Addresses.Principal(ec.Name, principal.Name);
        var owned = ledger.OwnedKeys(Org, address);

        if (principal.Credentials.Count == 0 && owned.Count == 0)
        {
            return;
        }

        // What the org holds now. A definition that this plan creates or replaces starts empty.
        live.ExternalCredentials.TryGetValue(ec.Name, out var liveEc);
        var livePrincipal = liveEc?.Principals.FirstOrDefault(p => p.Name == principal.Name);
        var startsEmpty = externalChange is { Action: ChangeAction.Create or ChangeAction.Replace } || livePrincipal is null;

        if (ec.ValuesOnly && livePrincipal is null)
        {
            return;
        }

        var protocol = ec.Protocol ?? liveEc!.Protocol;
        var variant = ec.ValuesOnly ? liveEc!.Variant : ec.Variant;
        var principalType = principal.Type ?? livePrincipal!.Type;
        var current = startsEmpty ? null : live.Credentials.GetValueOrDefault((ec.Name, principal.Name));
        var values = current?.Values ?? new Dictionary<string, LiveCredentialValue>();

        if (ec.ValuesOnly && !CheckKeysForProtocol(ec, principal, protocol))
        {
            return;
        }

        // Compare key by key.
        var declared = principal.Credentials.Where(c => c.Source != CredentialSource.RuntimeManaged).ToList();
        var runtime = principal.Credentials.Where(c => c.Source == CredentialSource.RuntimeManaged).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var fingerprints = new Dictionary<string, string>(StringComparer.Ordinal);
        var keys = new List<KeyChange>();

        // Some orgs may not list encrypted entries at all; then presence cannot be seen per key
        // and a Configured principal whose fingerprints match is trusted.
        var orgListsEncrypted = values.Values.Any(v => v.Encrypted);
        var configured = current?.AuthenticationStatus is "Configured" or "Unknown";

        foreach (var credential in declared)
        {
            var value = secrets.ValueOf(credential);
            var fingerprint = ledger.Fingerprint(Org, address, credential.Key, value);
            fingerprints[credential.Key] = fingerprint;

            var reason = KeyReason(credential, value, fingerprint, values.GetValueOrDefault(credential.Key),
                ledger.Get(Org, address, credential.Key), orgListsEncrypted, configured, current is null);

            if (reason is not null)
            {
                var kind = values.ContainsKey(credential.Key) ? KeyChangeKind.Change : KeyChangeKind.Add;
                keys.Add(new KeyChange(credential.Key, kind, credential.Encrypted, reason));
            }
        }

        var declaredNames = declared.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);

        foreach (var (key, stored) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            if (declaredNames.Contains(key) || runtime.Contains(key))
            {
                continue;
            }

            keys.Add(owned.Contains(key)
                ? new KeyChange(key, KeyChangeKind.Remove, stored.Encrypted, "written by CredSync earlier and no longer declared")
                : new KeyChange(key, KeyChangeKind.Unmanaged, stored.Encrypted, "not written by CredSync and not declared; left alone"));
        }

        var removing = keys.Where(k => k.Kind == KeyChangeKind.Remove).Select(k => k.Key).ToList();

        if (removing.Count > 0 && (desired.Policy.IsProtected(address) || desired.Policy.IsProtected(ec.Address)))
        {
            _diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error,
                $"'{address}' is protected, but the plan would delete its key(s) {string.Join(", ", removing.Select(k => $"'{k}'"))}.",
                "Declare the key(s) again, or remove the address from 'policy.protect'.",
                principal.Location, address));
        }

        var change = ChooseCall(ec.Name, principal.Name, principalType, protocol, variant, declared, keys, values, runtime);
        var dependsOn = externalChange is { Action: not ChangeAction.NoOp } ? [externalChange.Address] : Array.Empty<string>();

        _changes.Add(change with
        {
            Address = address,
            DependsOn = dependsOn,
            LiveDigest = Digests.Of(current),
            Fingerprints = fingerprints,
        });

        if (principalType == "PerUserPrincipal" && declared.Count > 0)
        {
            _diagnostics.Add(new Diagnostic(DiagnosticSeverity.Info,
                $"'{address}' is a per-user principal: its values are set for the user CredSync runs as.",
                null, principal.Location, address));
        }

        if (current is { AuthenticationStatus: "NotConfigured" } && keys.All(k => k.Kind is KeyChangeKind.Unmanaged) && declared.Count > 0)
        {
            _diagnostics.Add(new Diagnostic(DiagnosticSeverity.Warning,
                $"'{address}' reports NotConfigured although every declared key is set.",
                $"Protocol {protocol} may need more keys than the file declares ({string.Join(", ", declared.Select(d => d.Key))}).",
                principal.Location, address));
        }
    }

    /// <summary>Why one declared key must be written, or null when the org already holds its value.</summary>
    private static string? KeyReason(
        CredentialSpec credential,
        string value,
        string fingerprint,
        LiveCredentialValue? stored,
        Ledger.LedgerEntry? written,
        bool orgListsEncrypted,
        bool configured,
        bool noValuesYet)
    {
        if (stored is null)
        {
            var hiddenButTrusted = credential.Encrypted && !orgListsEncrypted && configured &&
                                   written is not null && written.Fingerprint == fingerprint;

            if (hiddenButTrusted)
            {
                return null;
            }

            return noValuesYet ? "no values in the org yet" : "not set in the org (lost, or never set)";
        }

        if (stored.Encrypted != credential.Encrypted)
        {
            return $"stored {(stored.Encrypted ? "encrypted" : "unencrypted")}, declared {(credential.Encrypted ? "encrypted" : "unencrypted")}";
        }

        if (!credential.Encrypted)
        {
            return string.Equals(stored.Value, value, StringComparison.Ordinal) ? null : "value differs";
        }

        if (written is null)
        {
            return "the org does not reveal encrypted values and CredSync has no record of writing this one";
        }

        return written.Fingerprint == fingerprint ? null : "the store holds a new value (fingerprint changed)";
    }

    private bool CheckKeysForProtocol(ExternalCredentialSpec ec, PrincipalSpec principal, string protocol)
    {
        var allowed = Protocols.AllowedKeys(protocol);
        var ok = true;

        foreach (var credential in principal.Credentials.Where(c => c.Source != CredentialSource.RuntimeManaged))
        {
            if (allowed is null)
            {
                continue;
            }

            if (!allowed.TryGetValue(credential.Key, out var mustEncrypt) || mustEncrypt != credential.Encrypted)
            {
                ok = false;
                _diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error,
                    $"External credential '{ec.Name}' uses protocol {protocol} in the org, which does not take '{credential.Key}' {(credential.Encrypted ? "encrypted" : "unencrypted")}.",
                    $"Protocol {protocol} takes: {string.Join(", ", allowed.Select(a => $"{a.Key} ({(a.Value ? "encrypted" : "encrypted: false")})"))}.",
                    credential.Location, Addresses.Principal(ec.Name, principal.Name)));
            }
        }

        return ok;
    }

    /// <summary>
    /// The fewest calls for the key changes, by the Connect API's rules: POST when nothing is
    /// stored; for Custom, PATCH what is set and DELETE what is removed, or one PUT when both
    /// happen and nothing else would be lost; other protocols set their keys together with PUT.
    /// </summary>
    private static PlannedChange ChooseCall(
        string ec,
        string principal,
        string principalType,
        string protocol,
        string? variant,
        List<CredentialSpec> declared,
        List<KeyChange> keys,
        IReadOnlyDictionary<string, LiveCredentialValue> values,
        HashSet<string> runtime)
    {
        var sets = keys.Where(k => k.Kind is KeyChangeKind.Add or KeyChangeKind.Change).Select(k => k.Key).ToHashSet(StringComparer.Ordinal);
        var removes = keys.Where(k => k.Kind == KeyChangeKind.Remove).Select(k => k.Key).ToList();
        var query = ApiPaths.PrincipalQuery(ec, principal, principalType);
        var name = $"{ec}/{principal}";

        PlannedChange Make(ChangeAction action, IReadOnlyList<ApiCall> calls, string reason, IReadOnlyList<CredentialSpec>? body = null, IReadOnlyList<string>? deleteKeys = null) =>
            new("", ResourceKind.Credentials, action, calls, [], keys, reason, [], "", new Dictionary<string, string>())
            {
                Name = name,
                Write = body is null ? null : new CredentialWrite(ec, principal, principalType, protocol, variant, body),
                DeleteKeys = deleteKeys,
            };

        if (sets.Count == 0 && removes.Count == 0)
        {
            var unmanaged = keys.Count(k => k.Kind == KeyChangeKind.Unmanaged);
            return Make(ChangeAction.NoOp, [], unmanaged == 0 ? "values match" : $"values match; {unmanaged} unmanaged key(s) left alone");
        }

        var credentialPath = ApiPaths.Credential;

        if (values.Count == 0)
        {
            return Make(ChangeAction.Create, [new ApiCall("POST", credentialPath, query)],
                $"no values stored; POST sets {declared.Count} key(s)", declared);
        }

        var bySet = declared.Where(d => sets.Contains(d.Key)).ToList();

        if (Protocols.SupportsPartialUpdate(protocol))
        {
            if (removes.Count == 0)
            {
                return Make(ChangeAction.Update, [new ApiCall("PATCH", credentialPath, query)],
                    $"PATCH sets only the {bySet.Count} changed key(s)", bySet);
            }

            var deleteQuery = ApiPaths.PrincipalQuery(ec, principal, principalType, removes);

            if (sets.Count == 0)
            {
                return Make(ChangeAction.Delete, [new ApiCall("DELETE", credentialPath, deleteQuery)],
                    $"DELETE removes only the {removes.Count} key(s) CredSync no longer declares", deleteKeys: removes);
            }

            // PUT replaces the whole set: it would also drop keys CredSync does not own.
            var othersStored = values.Keys.Any(k => runtime.Contains(k) || keys.Any(c => c.Key == k && c.Kind == KeyChangeKind.Unmanaged));

            if (othersStored)
            {
                return Make(ChangeAction.Update,
                    [new ApiCall("DELETE", credentialPath, deleteQuery), new ApiCall("PATCH", credentialPath, query)],
                    "keys are both removed and set; DELETE then PATCH, because a PUT would also drop keys CredSync does not own",
                    bySet, removes);
            }

            return Make(ChangeAction.Update, [new ApiCall("PUT", credentialPath, query)],
                $"keys are both removed and set; one PUT sends the full set of {declared.Count} key(s)", declared);
        }

        if (declared.Count == 0)
        {
            return Make(ChangeAction.Delete, [new ApiCall("DELETE", credentialPath, query)],
                $"{protocol} keys are removed together; DELETE removes every value", deleteKeys: null);
        }

        var lost = values.Keys.Where(k => !declared.Any(d => d.Key == k) && !removes.Contains(k)).ToList();
        var warning = lost.Count == 0 ? "" : $"; the PUT also drops {string.Join(", ", lost)}";

        return Make(ChangeAction.Update, [new ApiCall("PUT", credentialPath, query)],
            $"{protocol} keys are set together; PUT sends the full set of {declared.Count} key(s){warning}", declared);
    }
}
