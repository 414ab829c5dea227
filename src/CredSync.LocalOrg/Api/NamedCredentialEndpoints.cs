using System.Text.Json.Nodes;

namespace CredSync.LocalOrg;

/// <summary>The <c>/named-credentials/named-credential-setup</c> resources.</summary>
internal static class NamedCredentialEndpoints
{
    public static IEnumerable<ApiResource> Resources =>
    [
        new(LocalOrgRoutes.NamedCredentials, [new("GET", 58, List), new("POST", 58, CreateAsync)]),
        new(
            LocalOrgRoutes.NamedCredential,
            [new("GET", 58, Get), new("PUT", 58, ReplaceAsync), new("DELETE", 58, Delete)]),
    ];

    private static Task<ApiResponse> List(ApiRequest request)
    {
        var items = request.State.NamedCredentials
            .OrderBy(nc => nc.DeveloperName, StringComparer.OrdinalIgnoreCase)
            .Select(nc => (JsonNode)NamedCredentialJson.Write(nc, request.State, request.Version));

        var json = new JsonObject
        {
            ["namedCredentials"] = new JsonArray([.. items]),
            ["url"] = ApiUrls.NamedCredentials(request.Version),
        };

        return Task.FromResult(ApiResponse.Ok(json));
    }

    private static async Task<ApiResponse> CreateAsync(ApiRequest request)
    {
        var body = await request.ReadBodyAsync();
        var input = NamedCredentialReader.Read(body, request.Version);
        var name = input.DeveloperName ?? throw body.Missing("developerName");
        if (request.State.FindNamedCredential(name) is { } existing)
        {
            throw ApiException.Duplicate(
                $"A named credential named '{existing.DeveloperName}' already exists.");
        }

        var nc = new StoredNamedCredential { Id = Ids.New(Ids.NamedCredential), DeveloperName = name };
        Apply(nc, input, request);
        request.State.NamedCredentials.Add(nc);
        request.Session.StateChanged();

        return ApiResponse.Created(NamedCredentialJson.Write(nc, request.State, request.Version));
    }

    private static Task<ApiResponse> Get(ApiRequest request)
    {
        var nc = Find(request);

        var json = NamedCredentialJson.Write(nc, request.State, request.Version);

        return Task.FromResult(ApiResponse.Ok(json));
    }

    private static async Task<ApiResponse> ReplaceAsync(ApiRequest request)
    {
        var nc = Find(request);
        var input = NamedCredentialReader.Read(await request.ReadBodyAsync(), request.Version);
        if (input.DeveloperName is { } name
            && !string.Equals(name, nc.DeveloperName, StringComparison.OrdinalIgnoreCase))
        {
            throw ApiException.InvalidInput(
                $"The developerName '{name}' in the body differs from '{nc.DeveloperName}' " +
                "in the URL; a named credential can't be renamed.");
        }

        Apply(nc, input, request);
        request.Session.StateChanged();

        return ApiResponse.Ok(NamedCredentialJson.Write(nc, request.State, request.Version));
    }

    private static Task<ApiResponse> Delete(ApiRequest request)
    {
        var nc = Find(request);
        request.State.NamedCredentials.Remove(nc);
        request.Session.StateChanged();

        return Task.FromResult(ApiResponse.NoContent());
    }

    private static StoredNamedCredential Find(ApiRequest request)
    {
        var name = request.RouteValue("developerName");

        return request.State.FindNamedCredential(name)
            ?? throw ApiException.NotFound(
                $"The named credential '{name}' doesn't exist or you may not have " +
                "permission to access it.");
    }

    /// <summary>
    /// Makes the named credential match the input: a full replace of the fields the request's
    /// version knows. A field newer than the version keeps its value, as a client of that version
    /// can't send it.
    /// </summary>
    private static void Apply(StoredNamedCredential nc, NamedCredentialInput input, ApiRequest request)
    {
        var ec = request.State.FindExternalCredential(input.ExternalCredential)
            ?? throw ApiException.InvalidInput(
                $"The external credential '{input.ExternalCredential}' named in " +
                "'externalCredentials' doesn't exist.");

        nc.MasterLabel = input.MasterLabel;
        nc.Type = input.Type;
        nc.CalloutUrl = input.CalloutUrl;
        if (request.Version.IsAtLeast(59))
        {
            nc.CalloutStatus = input.CalloutStatus ?? "Enabled";
        }

        if (request.Version.IsAtLeast(64))
        {
            nc.Description = input.Description;
        }

        nc.AllowMergeFieldsInBody = input.AllowMergeFieldsInBody;
        nc.AllowMergeFieldsInHeader = input.AllowMergeFieldsInHeader;
        nc.GenerateAuthorizationHeader = input.GenerateAuthorizationHeader;
        nc.ExternalCredential = ec.DeveloperName;
        nc.NetworkConnection = input.NetworkConnection;
        nc.Headers = SharedJson.ToStored(input.Headers);
        nc.Parameters = SharedJson.ToStored(input.Parameters, nc.Parameters);
    }
}
