using System.Text.Json.Nodes;

namespace CredSync.LocalOrg.Tests;

/// <summary>Request bodies for the named-credentials resources.</summary>
internal static class Bodies
{
    public static JsonObject Principal(string name, string type = "NamedPrincipal", int sequence = 1)
    {
        return new JsonObject
        {
            ["principalName"] = name,
            ["principalType"] = type,
            ["sequenceNumber"] = sequence,
        };
    }

    public static JsonObject ExternalCredential(
        string name,
        string protocol,
        params JsonObject[] principals)
    {
        return new JsonObject
        {
            ["authenticationProtocol"] = protocol,
            ["developerName"] = name,
            ["masterLabel"] = name + " label",
            ["customHeaders"] = new JsonArray(new JsonObject
            {
                ["headerName"] = "Authorization",
                ["headerValue"] = "{!'Bearer ' & $Credential." + name + ".ApiKey}",
                ["sequenceNumber"] = 1,
            }),
            ["parameters"] = new JsonArray(),
            ["principals"] = new JsonArray([.. principals]),
        };
    }

    public static JsonObject NamedCredential(string name, string externalCredential)
    {
        return new JsonObject
        {
            ["calloutOptions"] = new JsonObject
            {
                ["allowMergeFieldsInBody"] = false,
                ["allowMergeFieldsInHeader"] = true,
                ["generateAuthorizationHeader"] = false,
            },
            ["calloutUrl"] = "https://api.example.com",
            ["developerName"] = name,
            ["externalCredentials"] = new JsonArray(new JsonObject
            {
                ["developerName"] = externalCredential,
            }),
            ["masterLabel"] = name + " label",
            ["type"] = "SecuredEndpoint",
        };
    }

    /// <summary>A Credential Input for the Custom principal <c>Stripe</c>/<c>Default</c>.</summary>
    public static JsonObject Custom(params (string Key, bool Encrypted, string Value)[] entries)
    {
        return Credential("Stripe", "Default", "Custom", entries);
    }

    /// <summary>A Credential Input; each entry is (key, encrypted, value).</summary>
    public static JsonObject Credential(
        string externalCredential,
        string principal,
        string protocol,
        params (string Key, bool Encrypted, string Value)[] entries)
    {
        var credentials = new JsonObject();
        foreach (var (key, encrypted, value) in entries)
        {
            credentials[key] = new JsonObject { ["encrypted"] = encrypted, ["value"] = value };
        }

        return new JsonObject
        {
            ["authenticationProtocol"] = protocol,
            ["credentials"] = credentials,
            ["externalCredential"] = externalCredential,
            ["principalName"] = principal,
            ["principalType"] = "NamedPrincipal",
        };
    }
}
