using System.Text.Json.Nodes;

namespace CredSync.LocalOrg;

/// <summary>Writes the External Credential output with the fields of the request's version.</summary>
internal static class ExternalCredentialJson
{
    public static JsonObject Write(StoredExternalCredential ec, OrgState state, ApiVersion version)
    {
        var json = new JsonObject { ["authenticationProtocol"] = ec.Protocol };
        if (version.IsAtLeast(57))
        {
            json["authenticationProtocolVariant"] = ec.Variant;
        }

        json["authenticationStatus"] = CredentialRules.Status(ec);
        if (version.IsAtLeast(59))
        {
            json["createdByNamespace"] = null;
        }

        if (version.IsAtLeast(57))
        {
            json["customHeaders"] = SharedJson.Headers(ec.Headers);
        }

        json["developerName"] = ec.DeveloperName;
        if (version.IsAtLeast(58))
        {
            json["id"] = ec.Id;
        }

        json["masterLabel"] = ec.MasterLabel;
        if (version.IsAtLeast(57))
        {
            json["parameters"] = SharedJson.Parameters(ec.Parameters);
        }

        var principals = Ordered(ec.Principals).Select(p => Principal(ec, p, version));
        json["principals"] = new JsonArray([.. principals]);
        json["relatedNamedCredentials"] = new JsonArray(
            [.. state.NamedCredentialsUsing(ec).Select(nc => RelatedNamedCredential(nc, version))]);
        if (version.IsAtLeast(58))
        {
            json["url"] = ApiUrls.ExternalCredential(version, ec.DeveloperName);
        }

        return json;
    }

    /// <summary>Principals in the order Salesforce applies them: by sequence number.</summary>
    public static IEnumerable<StoredPrincipal> Ordered(IEnumerable<StoredPrincipal> principals)
    {
        return principals.OrderBy(p => p.Sequence).ThenBy(p => p.Name, StringComparer.OrdinalIgnoreCase);
    }

    private static JsonNode Principal(
        StoredExternalCredential ec,
        StoredPrincipal principal,
        ApiVersion version)
    {
        var json = new JsonObject { ["authenticationStatus"] = CredentialRules.Status(ec, principal) };
        if (version.IsAtLeast(58))
        {
            json["id"] = principal.Id;
            json["parameters"] = SharedJson.Parameters(principal.Parameters);

            // The local org has no permission sets, so no principal is ever granted to one.
            json["principalAccess"] = new JsonArray();
        }

        json["principalName"] = principal.Name;
        json["principalType"] = principal.Type;
        if (version.IsAtLeast(58))
        {
            json["sequenceNumber"] = principal.Sequence;
        }

        return json;
    }

    private static JsonNode RelatedNamedCredential(StoredNamedCredential nc, ApiVersion version)
    {
        return new JsonObject
        {
            ["developerName"] = nc.DeveloperName,
            ["masterLabel"] = nc.MasterLabel,
            ["url"] = ApiUrls.NamedCredential(version, nc.DeveloperName),
        };
    }
}
