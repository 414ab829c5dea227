namespace CredSync.LocalOrg;

/// <summary>The <c>/named-credentials/credential</c> resource: a principal's values.</summary>
internal static class CredentialEndpoints
{
    public static IEnumerable<ApiResource> Resources =>
    [
        new(
            LocalOrgRoutes.Credential,
            [
                new("GET", 56, Get),
                new("POST", 56, CreateAsync),
                new("PUT", 56, ReplaceAsync),
                new("PATCH", 59, PatchAsync),
                new("DELETE", 56, Delete),
            ]),
    ];

    private static Task<ApiResponse> Get(ApiRequest request)
    {
        var (ec, principal) = PrincipalLookup.FromQuery(request);

        return Task.FromResult(Output(request, ec, principal, created: false));
    }

    private static async Task<ApiResponse> CreateAsync(ApiRequest request)
    {
        RefuseAction(request);
        var (ec, principal, input) = await ReadAsync(request);
        if (principal.Credentials.Count > 0)
        {
            throw ApiException.Duplicate(
                $"The principal '{principal.Name}' of external credential '{ec.DeveloperName}' " +
                "already has credentials; use PUT to replace them or PATCH to update them.");
        }

        RequireEntries(input);
        Store(request, principal, input.Credentials);

        return Output(request, ec, principal, created: true);
    }

    private static async Task<ApiResponse> ReplaceAsync(ApiRequest request)
    {
        var (ec, principal, input) = await ReadAsync(request);
        principal.Credentials.Clear();
        Store(request, principal, input.Credentials);

        return Output(request, ec, principal, created: false);
    }

    private static async Task<ApiResponse> PatchAsync(ApiRequest request)
    {
        var (ec, principal, input) = await ReadAsync(request);
        if (!CredentialRules.AllowsPartialChanges(ec.Protocol))
        {
            throw ApiException.InvalidInput(
                "PATCH is supported only for custom protocols; " +
                $"'{ec.DeveloperName}' uses {ec.Protocol}.");
        }

        if (principal.Credentials.Count == 0)
        {
            throw ApiException.InvalidInput("No existing credentials to update");
        }

        RequireEntries(input);
        Store(request, principal, input.Credentials);

        return Output(request, ec, principal, created: false);
    }

    private static Task<ApiResponse> Delete(ApiRequest request)
    {
        var (ec, principal) = PrincipalLookup.FromQuery(request);
        if (!request.HasQuery("authenticationParameters"))
        {
            principal.Credentials.Clear();
            Touched(request, principal);

            return Task.FromResult(ApiResponse.NoContent());
        }

        if (!request.Version.IsAtLeast(59))
        {
            throw ApiException.InvalidInput(
                $"The authenticationParameters parameter is available in API version 59.0 and later; " +
                $"this call uses {request.Version}.");
        }

        if (!CredentialRules.AllowsPartialChanges(ec.Protocol))
        {
            throw ApiException.InvalidInput(
                $"authenticationParameters is supported only for custom protocols; " +
                $"'{ec.DeveloperName}' uses {ec.Protocol}.");
        }

        var keys = (request.Query("authenticationParameters") ?? "")
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (keys.Length == 0)
        {
            throw ApiException.InvalidInput("The authenticationParameters parameter names no key.");
        }

        foreach (var key in keys)
        {
            principal.Credentials.Remove(key);
        }

        Touched(request, principal);

        return Task.FromResult(ApiResponse.NoContent());
    }

    /// <summary>Reads the body, finds its principal, and checks it against the protocol's rules.</summary>
    private static async Task<(StoredExternalCredential, StoredPrincipal, CredentialInput)> ReadAsync(
        ApiRequest request)
    {
        var input = CredentialReader.Read(await request.ReadBodyAsync(), request.Version);
        var (ec, principal) = PrincipalLookup.Find(
            request.State,
            input.ExternalCredential,
            input.PrincipalName,
            input.PrincipalType);

        if (input.Protocol != ec.Protocol)
        {
            throw ApiException.InvalidInput(
                $"The authenticationProtocol {input.Protocol} doesn't match the protocol " +
                $"{ec.Protocol} of external credential '{ec.DeveloperName}'.");
        }

        if (input.Variant is not null && input.Variant != ec.Variant)
        {
            throw ApiException.InvalidInput(
                $"The authenticationProtocolVariant {input.Variant} doesn't match the variant " +
                $"{ec.Variant ?? "(none)"} of external credential '{ec.DeveloperName}'.");
        }

        foreach (var (key, value) in input.Credentials)
        {
            CredentialRules.Check(ec.Protocol, key, value.Encrypted);
        }

        return (ec, principal, input);
    }

    private static void RequireEntries(CredentialInput input)
    {
        if (input.Credentials.Count == 0)
        {
            throw ApiException.InvalidInput("The field 'credentials' must hold at least one entry.");
        }
    }

    private static void RefuseAction(ApiRequest request)
    {
        var action = request.Query("action");
        if (action is null)
        {
            return;
        }

        if (action != "Refresh" || !request.Version.IsAtLeast(58))
        {
            throw ApiException.InvalidInput(
                "The action parameter takes only 'Refresh', from API version 58.0; " +
                $"this call uses {request.Version}.");
        }

        throw ApiException.InvalidInput(
            "The local org has no OAuth or AWS token service, so action=Refresh has " +
            "nothing to refresh.");
    }

    /// <summary>Writes values; an encrypted one is sealed at once, its plain text not kept.</summary>
    private static void Store(
        ApiRequest request,
        StoredPrincipal principal,
        IEnumerable<KeyValuePair<string, CredentialValueInput>> entries)
    {
        Touched(request, principal);
        foreach (var (key, value) in entries)
        {
            principal.Credentials[key] = value.Encrypted
                ? new StoredCredentialValue
                {
                    Encrypted = true,
                    Sealed = request.Session.Cipher.Seal(value.Value, principal.Id, key),
                    Revision = principal.Revision,
                }
                : new StoredCredentialValue { Value = value.Value, Revision = principal.Revision };
        }
    }

    private static void Touched(ApiRequest request, StoredPrincipal principal)
    {
        principal.Revision++;
        request.Session.StateChanged();
    }

    private static ApiResponse Output(
        ApiRequest request,
        StoredExternalCredential ec,
        StoredPrincipal principal,
        bool created)
    {
        var readback = request.Options.EncryptedReadback;
        var json = CredentialJson.Write(ec, principal, request.Version, readback);

        return created ? ApiResponse.Created(json) : ApiResponse.Ok(json);
    }
}
