namespace CredSync.LocalOrg;

/// <summary>Reads and checks a Named Credential Input body.</summary>
internal static class NamedCredentialReader
{
    public static NamedCredentialInput Read(JsonInput body, ApiVersion version)
    {
        // calloutStatus is not in the documented input; the local org accepts it anyway
        // (docs/local-org.md says why).
        body.Expect(
            "calloutOptions",
            "calloutStatus",
            "calloutUrl",
            "customHeaders",
            "description",
            "developerName",
            "externalCredentials",
            "masterLabel",
            "networkConnection",
            "parameters",
            "type");

        RequireVersion(body, "description", version, 64);
        RequireVersion(body, "calloutStatus", version, 59);

        var developerName = body.String("developerName");
        if (developerName is not null)
        {
            DeveloperNames.Check(developerName, "developerName");
        }

        var options = body.RequiredObject("calloutOptions");
        options.Expect(
            "allowMergeFieldsInBody",
            "allowMergeFieldsInHeader",
            "generateAuthorizationHeader");
        var type = body.RequiredChoice("type", ConnectValues.NamedCredentialTypes);

        return new NamedCredentialInput(
            developerName,
            body.RequiredString("masterLabel"),
            type,
            CalloutUrl(body),
            body.Choice("calloutStatus", ConnectValues.CalloutStatuses),
            body.String("description"),
            options.RequiredBool("allowMergeFieldsInBody"),
            options.RequiredBool("allowMergeFieldsInHeader"),
            options.RequiredBool("generateAuthorizationHeader"),
            ExternalCredential(body),
            NetworkConnection(body, type),
            SharedInputReader.Headers(body),
            SharedInputReader.Parameters(body, ConnectValues.NamedCredentialParameterTypes));
    }

    private static void RequireVersion(JsonInput body, string field, ApiVersion version, int since)
    {
        if (body.Has(field) && !version.IsAtLeast(since))
        {
            throw ApiException.InvalidInput(
                $"The field '{field}' is available in API version {since}.0 and later; " +
                $"this call uses {version}.");
        }
    }

    private static string CalloutUrl(JsonInput body)
    {
        var url = body.RequiredString("calloutUrl");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw ApiException.InvalidInput(
                "The field 'calloutUrl' must be an absolute http or https URL.");
        }

        return url;
    }

    private static string ExternalCredential(JsonInput body)
    {
        var references = body.Array("externalCredentials");
        if (references.Count != 1)
        {
            throw ApiException.InvalidInput(
                "The field 'externalCredentials' must name exactly one external credential.");
        }

        references[0].Expect("developerName");

        return references[0].RequiredString("developerName");
    }

    private static string? NetworkConnection(JsonInput body, string type)
    {
        var connection = body.Object("networkConnection");
        if (connection is null)
        {
            return type == "PrivateEndpoint"
                ? throw ApiException.InvalidInput(
                    "The field 'networkConnection' is required for a PrivateEndpoint.")
                : null;
        }

        if (type != "PrivateEndpoint")
        {
            throw ApiException.InvalidInput(
                "The field 'networkConnection' is allowed only for a PrivateEndpoint.");
        }

        connection.Expect("developerName");

        return connection.RequiredString("developerName");
    }
}
