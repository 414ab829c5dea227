using System.Text.Json.Nodes;

namespace CredSync.LocalOrg;

/// <summary>Writes the Named Credential output with the fields of the request's version.</summary>
internal static class NamedCredentialJson
{
    public static JsonObject Write(StoredNamedCredential nc, OrgState state, ApiVersion version)
    {
        var json = new JsonObject
        {
            ["calloutOptions"] = new JsonObject
            {
                ["allowMergeFieldsInBody"] = nc.AllowMergeFieldsInBody,
                ["allowMergeFieldsInHeader"] = nc.AllowMergeFieldsInHeader,
                ["generateAuthorizationHeader"] = nc.GenerateAuthorizationHeader,
            },
        };

        if (version.IsAtLeast(59))
        {
            json["calloutStatus"] = nc.CalloutStatus;
        }

        json["calloutUrl"] = nc.CalloutUrl;
        if (version.IsAtLeast(59))
        {
            json["createdByNamespace"] = null;
        }

        json["customHeaders"] = SharedJson.Headers(nc.Headers);
        if (version.IsAtLeast(64))
        {
            json["description"] = nc.Description;
        }

        json["developerName"] = nc.DeveloperName;
        json["externalCredentials"] = new JsonArray(ExternalCredentialReference(nc, state, version));
        json["id"] = nc.Id;
        json["masterLabel"] = nc.MasterLabel;
        json["networkConnection"] = nc.NetworkConnection is null
            ? null
            : new JsonObject { ["developerName"] = nc.NetworkConnection };
        json["parameters"] = SharedJson.Parameters(nc.Parameters);
        json["type"] = nc.Type;
        json["url"] = ApiUrls.NamedCredential(version, nc.DeveloperName);

        return json;
    }

    private static JsonNode ExternalCredentialReference(
        StoredNamedCredential nc,
        OrgState state,
        ApiVersion version)
    {
        // The reference shape is not documented; it mirrors relatedNamedCredentials on the other side.
        var ec = state.FindExternalCredential(nc.ExternalCredential);
        var name = ec?.DeveloperName ?? nc.ExternalCredential;

        return new JsonObject
        {
            ["developerName"] = name,
            ["masterLabel"] = ec?.MasterLabel,
            ["url"] = ApiUrls.ExternalCredential(version, name),
        };
    }
}
