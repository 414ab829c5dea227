using CredSync.Import.Model;
using CredSync.Import.Output;
using CredSync.Import.Reading;

namespace CredSync.Import.Mapping;

/// <summary>
/// Collects principal access grants: from permission sets (API 59 and later) and from the
/// <c>&lt;principal&gt;</c> pointer that API 56 and 57 put on the principal itself.
/// </summary>
internal sealed class PermissionSetMapper
{
    private readonly MetadataCatalog _catalog;
    private readonly DiagnosticBag _diagnostics;
    private readonly SortedDictionary<string, List<AccessGrantEntry>> _grants =
        new(StringComparer.Ordinal);

    public PermissionSetMapper(MetadataCatalog catalog, DiagnosticBag diagnostics)
    {
        _catalog = catalog;
        _diagnostics = diagnostics;
    }

    public List<PermissionSetEntry> Map()
    {
        foreach (var permissionSet in _catalog.PermissionSets)
        {
            MapPermissionSet(permissionSet);
        }

        foreach (var externalCredential in _catalog.ExternalCredentials)
        {
            MapEmbeddedGrants(externalCredential);
        }

        ReportPermissionSetsWithoutGrants();

        return _grants
            .Select(pair => new PermissionSetEntry(
                pair.Key,
                pair.Value.OrderBy(g => g.Principal, StringComparer.Ordinal).ToList()))
            .ToList();
    }

    private void MapPermissionSet(PermissionSetDefinition permissionSet)
    {
        if (!NameRules.CheckFileName(permissionSet.File, _diagnostics))
        {
            return;
        }

        foreach (var access in permissionSet.Accesses)
        {
            if (!access.Enabled)
            {
                _diagnostics.Info(
                    access.Location,
                    $"access to '{access.Principal}' is disabled (enabled is false); "
                    + "it is not written");

                continue;
            }

            if (!NameRules.IsAccessGrant(access.Principal))
            {
                _diagnostics.Error(
                    access.Location,
                    $"'{access.Principal}' is not of the form <ExternalCredential>-<Principal>");

                continue;
            }

            var reason = Unresolved(access.Principal);
            if (reason is not null)
            {
                _diagnostics.Warning(
                    access.Location,
                    $"permission set '{permissionSet.Name}' grants '{access.Principal}', but "
                    + $"{reason}; the grant is written as a comment. Declare the external "
                    + "credential (values-only, '<Name>: {}', if it is deployed by other means) "
                    + "and uncomment it");
            }

            Add(permissionSet.Name, access.Principal, reason);
        }
    }

    private void MapEmbeddedGrants(ExternalCredentialDefinition externalCredential)
    {
        var principals = externalCredential.Parameters
            .Where(p => ParameterTypes.Principals.Contains(p.Type) && p.PermissionSet is not null);

        foreach (var principal in principals)
        {
            var permissionSet = principal.PermissionSet!;
            var grant = $"{externalCredential.Name}-{principal.Name}";
            var at = principal.PermissionSetLocation ?? principal.Location;

            if (!NameRules.IsDeveloperName(permissionSet))
            {
                _diagnostics.Error(at, $"'{permissionSet}' is not a valid permission set name");

                continue;
            }

            _diagnostics.Info(
                at,
                $"principal '{principal.Name}' names permission set '{permissionSet}' in "
                + "<principal> (the API 56-57 shape): permission set "
                + $"'{permissionSet}' is written with access to '{grant}'");

            Add(permissionSet, grant, null);
        }
    }

    private void ReportPermissionSetsWithoutGrants()
    {
        foreach (var permissionSet in _catalog.PermissionSets)
        {
            if (permissionSet.Accesses.Count == 0 && !_grants.ContainsKey(permissionSet.Name))
            {
                _diagnostics.Info(
                    permissionSet.Location,
                    $"permission set '{permissionSet.Name}' grants no principal access "
                    + "(no externalCredentialPrincipalAccesses); it is not written");
            }
        }
    }

    private string? Unresolved(string grant)
    {
        // A developer name holds no hyphen, so the first one ends the external credential.
        var dash = grant.IndexOf('-', StringComparison.Ordinal);
        var externalCredentialName = grant[..dash];
        var principalName = grant[(dash + 1)..];

        var externalCredential = _catalog.FindExternalCredential(externalCredentialName);
        if (externalCredential is null)
        {
            return $"external credential '{externalCredentialName}' is not in the metadata";
        }

        var hasPrincipal = externalCredential.Parameters.Any(p =>
            ParameterTypes.Principals.Contains(p.Type) && p.Name == principalName);

        return hasPrincipal
            ? null
            : $"external credential '{externalCredentialName}' has no principal "
                + $"'{principalName}'";
    }

    private void Add(string permissionSet, string grant, string? reason)
    {
        if (!_grants.TryGetValue(permissionSet, out var grants))
        {
            grants = [];
            _grants.Add(permissionSet, grants);
        }

        // The schema makes each list a set; the same access granted twice is one grant.
        if (grants.All(g => g.Principal != grant))
        {
            grants.Add(new AccessGrantEntry(grant, reason));
        }
    }
}
