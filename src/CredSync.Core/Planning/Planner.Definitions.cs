using CredSync.Core.Diagnostics;
using CredSync.Core.Live;
using CredSync.Core.Model;

namespace CredSync.Core.Planning;

public sealed partial class Planner
{
    private PlannedChange? PlanExternalCredential(ExternalCredentialSpec ec)
    {
        live.ExternalCredentials.TryGetValue(ec.Name, out var current);

        if (ec.ValuesOnly)
        {
            CheckValuesOnly(ec, current);
            return null;
        }

        var address = ec.Address;
        var digest = Digests.Of(current);
        PlannedChange change;

        if (current is null)
        {
            change = Change(address, ec.Name, ResourceKind.ExternalCredential, ChangeAction.Create,
                [new ApiCall("POST", ApiPaths.ExternalCredentials)],
                DiffExternal(null, ec), "not in the org", digest);
        }
        else if (current.Protocol != ec.Protocol)
        {
            change = PlanProtocolChange(ec, current, digest);
        }
        else
        {
            var fields = DiffExternal(current, ec);
            var reason = fields.Count == 0
                ? "matches the file"
                : $"{Fields(fields)} {(fields.Count == 1 ? "differs" : "differ")}; PUT replaces the whole definition" + DroppedPrincipals(ec, current);

            change = Change(address, ec.Name, ResourceKind.ExternalCredential,
                fields.Count == 0 ? ChangeAction.NoOp : ChangeAction.Update,
                fields.Count == 0 ? [] : [new ApiCall("PUT", ApiPaths.ExternalCredential(ec.Name))],
                fields, reason, digest);
        }

        _changes.Add(change);

        return change;
    }

    /// <summary>
    /// A full-replace PUT that leaves out a principal deletes it with every value stored in
    /// it, including values CredSync never wrote. Say so, and refuse it for a protected item.
    /// </summary>
    private string DroppedPrincipals(ExternalCredentialSpec ec, LiveExternalCredential current)
    {
        var dropped = current.Principals
            .Where(p => ec.Principals.All(d => d.Name != p.Name))
            .Select(p => $"'{p.Name}'")
            .ToList();

        if (dropped.Count == 0)
        {
            return "";
        }

        var names = string.Join(", ", dropped);
        var protectedPrincipal = current.Principals
            .Where(p => ec.Principals.All(d => d.Name != p.Name))
            .Any(p => desired.Policy.IsProtected(Addresses.Principal(ec.Name, p.Name)));

        if (desired.Policy.IsProtected(ec.Address) || protectedPrincipal)
        {
            _diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error,
                $"'{ec.Address}' or its principal is protected, but the file leaves out its principal(s) {names}, which the PUT would delete with their stored values.",
                "Declare the principal(s) again (a rename is a delete and a create), or remove the address from 'policy.protect'.",
                ec.Location, ec.Address));
        }
        else
        {
            _diagnostics.Add(new Diagnostic(DiagnosticSeverity.Warning,
                $"Updating '{ec.Address}' deletes its principal(s) {names} and every value stored in them, including values CredSync did not write.",
                "A renamed principal is deleted and created anew; its values are set again only where the file declares them.",
                ec.Location, ec.Address));
        }

        return $"; it deletes principal(s) {names} and their stored values";
    }

    private PlannedChange PlanProtocolChange(ExternalCredentialSpec ec, LiveExternalCredential current, string digest)
    {
        var address = ec.Address;
        var reason = $"protocol changes from {current.Protocol} to {ec.Protocol}, which Salesforce cannot change in place";
        var users = desired.NamedCredentials
            .Where(nc => nc.ExternalCredential == ec.Name && live.NamedCredentials.ContainsKey(nc.Name))
            .Select(nc => nc.Name)
            .ToList();

        if (desired.Policy.IsProtected(address))
        {
            _diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error,
                $"'{address}' must be replaced ({reason}), but it is protected.",
                "Remove it from 'policy.protect' to allow the replacement, or keep the old protocol.",
                ec.Location, address));
        }
        else if (users.Count > 0)
        {
            _diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error,
                $"'{address}' must be replaced ({reason}), but named credential(s) {string.Join(", ", users.Select(u => $"'{u}'"))} still use it.",
                "Salesforce refuses to delete an external credential in use. Point those named credentials at another external credential first, or create a new external credential under another name.",
                ec.Location, address));
        }

        return Change(address, ec.Name, ResourceKind.ExternalCredential, ChangeAction.Replace,
            [new ApiCall("DELETE", ApiPaths.ExternalCredential(ec.Name)), new ApiCall("POST", ApiPaths.ExternalCredentials)],
            DiffExternal(current, ec), reason + "; its stored credential values are lost and set again", digest);
    }

    private void CheckValuesOnly(ExternalCredentialSpec ec, LiveExternalCredential? current)
    {
        const string permissions = "Check that it is deployed (sf project deploy), and that the user CredSync runs as has 'View Setup and Configuration' and 'Manage Named Credentials'.";

        if (current is null)
        {
            var principals = ec.Principals.Count == 0
                ? ""
                : $" (needed for principal {string.Join(", ", ec.Principals.Select(p => $"'{p.Name}'"))})";

            _diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error,
                $"External credential '{ec.Name}'{principals} does not exist in org {live.Org.Display}, or the user cannot see it.",
                $"It is declared values-only, so CredSync only sets its credential values and never creates it. {permissions}",
                ec.Location, ec.Address));
            return;
        }

        foreach (var principal in ec.Principals.Where(p => current.Principals.All(lp => lp.Name != p.Name)))
        {
            _diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error,
                $"External credential '{ec.Name}' in org {live.Org.Display} has no principal '{principal.Name}'.",
                $"Its principals are: {string.Join(", ", current.Principals.Select(p => $"'{p.Name}'"))}. {permissions}",
                principal.Location, Addresses.Principal(ec.Name, principal.Name)));
        }
    }

    private void PlanNamedCredential(NamedCredentialSpec nc, PlannedChange? externalChange)
    {
        live.NamedCredentials.TryGetValue(nc.Name, out var current);

        var dependsOn = externalChange is { Action: not ChangeAction.NoOp } ? [externalChange.Address] : Array.Empty<string>();
        var hasDescription = Loading.DesiredStateLoader.CompareVersions(live.Org.ApiVersion, "64.0") >= 0;
        var fields = DiffNamed(current, nc, hasDescription);
        var digest = Digests.Of(current);
        PlannedChange change;

        if (fields.Count > 0 && !IsCalloutUrl(nc.Url))
        {
            _diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error,
                $"Named credential '{nc.Name}' cannot be written with the url '{nc.Url}': it is not an absolute http(s) URL.",
                "Replace the placeholder with the real endpoint (or run the build step that fills it in) before planning.",
                nc.Location, nc.Address));
        }

        if (current is null)
        {
            change = Change(nc.Address, nc.Name, ResourceKind.NamedCredential, ChangeAction.Create,
                [new ApiCall("POST", ApiPaths.NamedCredentials)], fields, "not in the org", digest, dependsOn);
        }
        else
        {
            change = Change(nc.Address, nc.Name, ResourceKind.NamedCredential,
                fields.Count == 0 ? ChangeAction.NoOp : ChangeAction.Update,
                fields.Count == 0 ? [] : [new ApiCall("PUT", ApiPaths.NamedCredential(nc.Name))],
                fields, fields.Count == 0 ? "matches the file" : $"{Fields(fields)} {(fields.Count == 1 ? "differs" : "differ")}; PUT replaces the whole definition", digest, dependsOn);
        }

        _changes.Add(change);
    }

    private static bool IsCalloutUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static List<FieldChange> DiffExternal(LiveExternalCredential? current, ExternalCredentialSpec ec)
    {
        var fields = new List<FieldChange>();

        Compare(fields, "label", current?.Label, ec.Label);
        // The Connect API neither takes nor returns an external credential's description.
        Compare(fields, "protocol", current?.Protocol, ec.Protocol);
        Compare(fields, "variant", current?.Variant, ec.Variant);
        Compare(fields, "headers", ShowHeaders(current?.Headers), ShowHeaders(ec.Headers));
        Compare(fields, "parameters", ShowParameters(current?.Parameters), ShowParameters(ec.Parameters));

        var names = (current?.Principals.Select(p => p.Name) ?? []).Union(ec.Principals.Select(p => p.Name)).Order(StringComparer.Ordinal);

        foreach (var name in names)
        {
            var before = current?.Principals.FirstOrDefault(p => p.Name == name);
            var after = ec.Principals.FirstOrDefault(p => p.Name == name);

            Compare(fields, $"principals.{name}",
                before is null ? null : ShowPrincipal(before.Type, before.Sequence, before.Parameters),
                after is null ? null : ShowPrincipal(after.Type!, after.Sequence, after.Parameters));
        }

        return fields;
    }

    private static List<FieldChange> DiffNamed(LiveNamedCredential? current, NamedCredentialSpec nc, bool hasDescription)
    {
        var fields = new List<FieldChange>();

        Compare(fields, "label", current?.Label, nc.Label);

        // Named credentials carry a description only from API 64.0; below it, it can be neither
        // read nor written, and comparing it would plan the same update on every run.
        if (hasDescription)
        {
            Compare(fields, "description", Blank(current?.Description), Blank(nc.Description));
        }

        Compare(fields, "url", current?.Url, nc.Url);
        Compare(fields, "externalCredential", current?.ExternalCredential, nc.ExternalCredential);
        Compare(fields, "type", current?.Type, nc.Type);
        Compare(fields, "networkConnection", current?.NetworkConnection, nc.NetworkConnection);
        Compare(fields, "clientCertificate", current?.ClientCertificate, nc.ClientCertificate);
        Compare(fields, "enabled", Show(current?.Enabled), Show(nc.Enabled));
        Compare(fields, "generateAuthorizationHeader", Show(current?.GenerateAuthorizationHeader), Show(nc.GenerateAuthorizationHeader));
        Compare(fields, "allowMergeFieldsInHeader", Show(current?.AllowMergeFieldsInHeader), Show(nc.AllowMergeFieldsInHeader));
        Compare(fields, "allowMergeFieldsInBody", Show(current?.AllowMergeFieldsInBody), Show(nc.AllowMergeFieldsInBody));
        Compare(fields, "headers", ShowHeaders(current?.Headers), ShowHeaders(nc.Headers));
        Compare(fields, "allowedNamespaces",
            current is null ? null : ShowSet(current.AllowedNamespaces),
            ShowSet(nc.AllowedNamespaces));

        return fields;
    }

    private static void Compare(List<FieldChange> fields, string name, string? before, string? after)
    {
        if (!string.Equals(before, after, StringComparison.Ordinal))
        {
            fields.Add(new FieldChange(name, before, after));
        }
    }

    private static string? Blank(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static string? Show(bool? value) => value?.ToString().ToLowerInvariant();

    private static string? ShowSet(IReadOnlyList<string> values) =>
        values.Count == 0 ? null : "[" + string.Join(", ", values.Order(StringComparer.Ordinal)) + "]";

    private static string? ShowHeaders(IReadOnlyList<Header>? headers) =>
        headers is null || headers.Count == 0
            ? null
            : string.Join("; ", headers.OrderBy(h => h.Sequence).Select(h => $"{h.Name}: {h.Value}"));

    // Parameters are a set to Salesforce: their order in the file or the response means nothing.
    private static string? ShowParameters(IReadOnlyList<Parameter>? parameters) =>
        parameters is null || parameters.Count == 0
            ? null
            : string.Join("; ", parameters
                .Select(p => $"{p.Type} {p.Name}={p.Value}")
                .Order(StringComparer.Ordinal));

    private static string ShowPrincipal(string type, int sequence, IReadOnlyList<Parameter> parameters)
    {
        var shown = ShowParameters(parameters);

        return shown is null ? $"{type} #{sequence}" : $"{type} #{sequence} ({shown})";
    }

    private static string Fields(List<FieldChange> fields) =>
        string.Join(", ", fields.Select(f => f.Field));

    private static PlannedChange Change(
        string address,
        string name,
        ResourceKind kind,
        ChangeAction action,
        IReadOnlyList<ApiCall> calls,
        IReadOnlyList<FieldChange> fields,
        string reason,
        string liveDigest,
        IReadOnlyList<string>? dependsOn = null) =>
        new(address, kind, action, calls, fields, [], reason, dependsOn ?? [], liveDigest, new Dictionary<string, string>())
        {
            Name = name,
        };
}
