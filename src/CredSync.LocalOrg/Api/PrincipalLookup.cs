namespace CredSync.LocalOrg;

/// <summary>Finds the principal a credential call is about.</summary>
internal static class PrincipalLookup
{
    public static (StoredExternalCredential, StoredPrincipal) FromQuery(ApiRequest request)
    {
        var externalCredential = request.Query("externalCredential")
            ?? throw ApiException.InvalidInput("The externalCredential parameter is required.");
        var principalType = request.Query("principalType")
            ?? throw ApiException.InvalidInput("The principalType parameter is required.");
        if (!ConnectValues.PrincipalTypes.Contains(principalType))
        {
            var allowed = string.Join(", ", ConnectValues.PrincipalTypes);
            throw ApiException.InvalidInput(
                $"The principalType '{principalType}' is not one of {allowed}.");
        }

        return Find(request.State, externalCredential, request.Query("principalName"), principalType);
    }

    /// <summary>
    /// Finds the principal by name, or, when no name is given, takes the first principal of the
    /// type: for a per-user principal that is the calling user's own, as the only user of the
    /// local org is the caller.
    /// </summary>
    public static (StoredExternalCredential, StoredPrincipal) Find(
        OrgState state,
        string externalCredential,
        string? principalName,
        string principalType)
    {
        if (principalName is null && principalType == ConnectValues.NamedPrincipal)
        {
            throw ApiException.InvalidInput(
                "The principalName is required when principalType is NamedPrincipal.");
        }

        var ec = state.FindExternalCredential(externalCredential)
            ?? throw ApiException.NotFound(
                "The externalCredential parameter value doesn't exist or you may not have " +
                "permission to access it.");

        var principal = principalName is null
            ? ExternalCredentialJson.Ordered(ec.Principals).FirstOrDefault(p => p.Type == principalType)
            : ec.Principals.Find(
                p => string.Equals(p.Name, principalName, StringComparison.OrdinalIgnoreCase));

        if (principal is null || principal.Type != principalType)
        {
            throw ApiException.NotFound(principalName is null
                ? $"The external credential '{ec.DeveloperName}' has no principal of type " +
                  $"{principalType}, or you may not have permission to access it."
                : $"The principal '{principalName}' of type {principalType} doesn't exist in " +
                  $"external credential '{ec.DeveloperName}', or you may not have permission " +
                  "to access it.");
        }

        return (ec, principal);
    }
}
