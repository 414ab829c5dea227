using System.Text.Json.Nodes;

namespace CredSync.LocalOrg;

/// <summary>The <c>/named-credentials/external-credentials</c> resources.</summary>
internal static class ExternalCredentialEndpoints
{
    public static IEnumerable<ApiResource> Resources =>
    [
        new(LocalOrgRoutes.ExternalCredentials, [new("GET", 56, List), new("POST", 58, CreateAsync)]),
        new(
            LocalOrgRoutes.ExternalCredential,
            [new("GET", 56, Get), new("PUT", 58, ReplaceAsync), new("DELETE", 58, Delete)]),
    ];

    private static Task<ApiResponse> List(ApiRequest request)
    {
        var items = request.State.ExternalCredentials
            .OrderBy(ec => ec.DeveloperName, StringComparer.OrdinalIgnoreCase)
            .Select(ec => (JsonNode)ExternalCredentialJson.Write(ec, request.State, request.Version));

        var json = new JsonObject
        {
            ["externalCredentials"] = new JsonArray([.. items]),
            ["url"] = ApiUrls.ExternalCredentials(request.Version),
        };

        return Task.FromResult(ApiResponse.Ok(json));
    }

    private static async Task<ApiResponse> CreateAsync(ApiRequest request)
    {
        var body = await request.ReadBodyAsync();
        var input = ExternalCredentialReader.Read(body);
        var name = input.DeveloperName ?? throw body.Missing("developerName");
        if (request.State.FindExternalCredential(name) is { } existing)
        {
            throw ApiException.Duplicate(
                $"An external credential named '{existing.DeveloperName}' already exists.");
        }

        var ec = new StoredExternalCredential
        {
            Id = Ids.New(Ids.ExternalCredential),
            DeveloperName = name,
        };
        Apply(ec, input);
        request.State.ExternalCredentials.Add(ec);
        request.Session.StateChanged();

        return ApiResponse.Created(ExternalCredentialJson.Write(ec, request.State, request.Version));
    }

    private static Task<ApiResponse> Get(ApiRequest request)
    {
        var ec = Find(request);

        var json = ExternalCredentialJson.Write(ec, request.State, request.Version);

        return Task.FromResult(ApiResponse.Ok(json));
    }

    private static async Task<ApiResponse> ReplaceAsync(ApiRequest request)
    {
        var ec = Find(request);
        var input = ExternalCredentialReader.Read(await request.ReadBodyAsync());
        if (input.DeveloperName is { } name
            && !string.Equals(name, ec.DeveloperName, StringComparison.OrdinalIgnoreCase))
        {
            throw ApiException.InvalidInput(
                $"The developerName '{name}' in the body differs from '{ec.DeveloperName}' " +
                "in the URL; an external credential can't be renamed.");
        }

        // Values stored under one protocol's key rules would be meaningless under another's.
        if (input.Protocol != ec.Protocol)
        {
            throw ApiException.InvalidInput(
                $"The authenticationProtocol of '{ec.DeveloperName}' is {ec.Protocol} and can't " +
                $"be changed to {input.Protocol}; delete the external credential and create it again.");
        }

        Apply(ec, input);
        request.Session.StateChanged();

        return ApiResponse.Ok(ExternalCredentialJson.Write(ec, request.State, request.Version));
    }

    private static Task<ApiResponse> Delete(ApiRequest request)
    {
        var ec = Find(request);
        var users = request.State.NamedCredentialsUsing(ec)
            .Select(nc => $"'{nc.DeveloperName}'")
            .ToList();
        if (users.Count > 0)
        {
            throw ApiException.InvalidInput(
                $"The external credential '{ec.DeveloperName}' is used by the named credential(s) " +
                $"{string.Join(", ", users)}; delete them or point them elsewhere first.");
        }

        request.State.ExternalCredentials.Remove(ec);
        request.Session.StateChanged();

        return Task.FromResult(ApiResponse.NoContent());
    }

    private static StoredExternalCredential Find(ApiRequest request)
    {
        var name = request.RouteValue("developerName");

        return request.State.FindExternalCredential(name)
            ?? throw ApiException.NotFound(
                $"The external credential '{name}' doesn't exist or you may not have " +
                "permission to access it.");
    }

    /// <summary>
    /// Makes the external credential match the input. This is a full replace: principals the input
    /// leaves out are dropped together with their stored values; the ones it keeps, matched by
    /// name and type, keep their id and values.
    /// </summary>
    private static void Apply(StoredExternalCredential ec, ExternalCredentialInput input)
    {
        ec.MasterLabel = input.MasterLabel;
        ec.Protocol = input.Protocol;
        ec.Variant = input.Variant;
        ec.Headers = SharedJson.ToStored(input.Headers);
        ec.Parameters = SharedJson.ToStored(input.Parameters, ec.Parameters);

        var principals = new List<StoredPrincipal>();
        foreach (var wanted in input.Principals)
        {
            var principal = ec.Principals.Find(p => p.Type == wanted.Type
                    && string.Equals(p.Name, wanted.Name, StringComparison.OrdinalIgnoreCase))
                ?? new StoredPrincipal { Id = Ids.New(Ids.Principal), Type = wanted.Type };

            principal.Name = wanted.Name;
            principal.Sequence = wanted.Sequence;
            principal.Parameters = SharedJson.ToStored(wanted.Parameters, principal.Parameters);
            principals.Add(principal);
        }

        ec.Principals = principals;
    }
}
