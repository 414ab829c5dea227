using System.Text.Json.Nodes;
using CredSync.Core.Live;
using CredSync.Core.Model;
using CredSync.Core.Planning;
using CredSync.Core.Secrets;

namespace CredSync.Salesforce;

/// <summary>
/// Translates between the model and the Connect REST shapes (External Credential Input and
/// output, Named Credential Input and output, Credential Input and output). Reading is
/// tolerant: fields may be missing or null; writing always sends the documented required fields.
/// </summary>
public static class ConnectMapper
{
    // Principal access and other server-managed parameter types are not part of a definition.
    private static readonly HashSet<string> DefinitionParameterTypes =
    [
        "AdditionalRefreshStatusCode", "AuthParameter", "AuthProvider", "AuthProviderUrl",
        "AuthProviderUrlQueryParameter", "JwtBodyClaim", "JwtHeaderClaim", "SigningCertificate",
    ];

    public static JsonObject ExternalCredentialInput(ExternalCredentialSpec ec, bool create)
    {
        var input = new JsonObject
        {
            ["authenticationProtocol"] = ec.Protocol,
            ["masterLabel"] = ec.Label,
            ["customHeaders"] = new JsonArray(ec.Headers.Select(Header).ToArray<JsonNode?>()),
            ["parameters"] = new JsonArray(ec.Parameters.Select(Parameter).ToArray<JsonNode?>()),
            ["principals"] = new JsonArray(ec.Principals.Select(p => (JsonNode?)new JsonObject
            {
                ["principalName"] = p.Name,
                ["principalType"] = p.Type,
                ["sequenceNumber"] = p.Sequence,
                ["parameters"] = new JsonArray(p.Parameters.Select(Parameter).ToArray<JsonNode?>()),
            }).ToArray()),
        };

        if (create)
        {
            input["developerName"] = ec.Name;
        }

        if (ec.Variant is not null)
        {
            input["authenticationProtocolVariant"] = ec.Variant;
        }

        // External Credential Input has no description field; the file's description is for readers.
        return input;
    }

    public static JsonObject NamedCredentialInput(NamedCredentialSpec nc, bool create, bool supportsDescription)
    {
        var parameters = new JsonArray();

        // One parameter holds the whole comma-separated list, as ReadNamedCredential reads it back:
        // a parameter name may appear only once in a named credential.
        if (nc.AllowedNamespaces.Count > 0)
        {
            parameters.Add(new JsonObject
            {
                ["parameterName"] = "AllowedManagedPackageNamespaces",
                ["parameterType"] = "AllowedManagedPackageNamespaces",
                ["parameterValue"] = string.Join(",", nc.AllowedNamespaces),
            });
        }

        if (nc.ClientCertificate is not null)
        {
            parameters.Add(new JsonObject
            {
                ["parameterName"] = "ClientCertificate",
                ["parameterType"] = "ClientCertificate",
                ["parameterValue"] = nc.ClientCertificate,
            });
        }

        var input = new JsonObject
        {
            ["masterLabel"] = nc.Label,
            ["type"] = nc.Type,
            ["calloutUrl"] = nc.Url,
            ["calloutStatus"] = nc.Enabled ? "Enabled" : "Disabled",
            ["calloutOptions"] = new JsonObject
            {
                ["allowMergeFieldsInBody"] = nc.AllowMergeFieldsInBody,
                ["allowMergeFieldsInHeader"] = nc.AllowMergeFieldsInHeader,
                ["generateAuthorizationHeader"] = nc.GenerateAuthorizationHeader,
            },
            ["externalCredentials"] = new JsonArray(new JsonObject { ["developerName"] = nc.ExternalCredential }),
            ["customHeaders"] = new JsonArray(nc.Headers.Select(Header).ToArray<JsonNode?>()),
            ["parameters"] = parameters,
        };

        if (create)
        {
            input["developerName"] = nc.Name;
        }

        if (nc.NetworkConnection is not null)
        {
            input["networkConnection"] = new JsonObject { ["developerName"] = nc.NetworkConnection };
        }

        if (nc.Description is not null && supportsDescription)
        {
            input["description"] = nc.Description;
        }

        return input;
    }

    /// <summary>The Credential Input body; the only place a secret value is put into text.</summary>
    public static JsonObject CredentialInput(CredentialWrite write, ResolvedSecrets secrets)
    {
        var credentials = new JsonObject();

        foreach (var key in write.Keys)
        {
            credentials[key.Key] = new JsonObject
            {
                ["encrypted"] = key.Encrypted,
                ["value"] = secrets.ValueOf(key),
            };
        }

        var input = new JsonObject
        {
            ["externalCredential"] = write.ExternalCredential,
            ["principalName"] = write.Principal,
            ["principalType"] = write.PrincipalType,
            ["authenticationProtocol"] = write.Protocol,
            ["credentials"] = credentials,
        };

        if (write.Variant is not null)
        {
            input["authenticationProtocolVariant"] = write.Variant;
        }

        return input;
    }

    public static LiveExternalCredential ReadExternalCredential(JsonNode node)
    {
        var principals = Array(node["principals"])
            .Select(p => new LivePrincipal(
                Text(p["principalName"]) ?? "",
                Text(p["principalType"]) ?? "",
                Int(p["sequenceNumber"]) ?? 1,
                ReadParameters(p["parameters"]),
                Text(p["authenticationStatus"])))
            .ToList();

        return new LiveExternalCredential(
            Text(node["developerName"]) ?? "",
            Text(node["masterLabel"]) ?? "",
            Text(node["description"]),
            Text(node["authenticationProtocol"]) ?? "",
            Text(node["authenticationProtocolVariant"]),
            ReadHeaders(node["customHeaders"]),
            ReadParameters(node["parameters"]),
            principals);
    }

    public static LiveNamedCredential ReadNamedCredential(JsonNode node)
    {
        var parameters = Array(node["parameters"]).ToList();
        var options = node["calloutOptions"];

        return new LiveNamedCredential(
            Text(node["developerName"]) ?? "",
            Text(node["masterLabel"]) ?? "",
            Text(node["description"]),
            Text(node["calloutUrl"]) ?? "",
            Array(node["externalCredentials"]).Select(e => Text(e["developerName"])).FirstOrDefault(),
            Text(node["type"]) ?? "",
            Text(node["networkConnection"]?["developerName"]),
            parameters.Where(p => Text(p["parameterType"]) == "ClientCertificate").Select(p => Text(p["parameterValue"])).FirstOrDefault(),
            Text(node["calloutStatus"]) != "Disabled",
            Bool(options?["generateAuthorizationHeader"]) ?? true,
            Bool(options?["allowMergeFieldsInHeader"]) ?? false,
            Bool(options?["allowMergeFieldsInBody"]) ?? false,
            ReadHeaders(node["customHeaders"]),
            parameters
                .Where(p => Text(p["parameterType"]) == "AllowedManagedPackageNamespaces")
                .SelectMany(p => (Text(p["parameterValue"]) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Order(StringComparer.Ordinal)
                .ToList());
    }

    /// <summary>
    /// Reads a Credential output. The value of an encrypted entry is dropped here, whatever the
    /// org sent (masked, null or plain): nothing downstream may compare or show it.
    /// </summary>
    public static LiveCredentials ReadCredentials(JsonNode node, string externalCredential, string principal, string principalType)
    {
        var values = new Dictionary<string, LiveCredentialValue>(StringComparer.Ordinal);

        foreach (var (key, entry) in node["credentials"] as JsonObject ?? [])
        {
            var encrypted = Bool(entry?["encrypted"]) ?? true;
            values[key] = new LiveCredentialValue(encrypted, encrypted ? null : Text(entry?["value"]));
        }

        return new LiveCredentials(
            externalCredential,
            principal,
            Text(node["principalType"]) ?? principalType,
            Text(node["authenticationStatus"]) ?? "Unknown",
            values);
    }

    /// <summary>The developer names in a list response, whatever its wrapper is called.</summary>
    public static List<string> ReadNames(JsonNode? list, string preferredWrapper)
    {
        var items = (list as JsonObject)?[preferredWrapper] as JsonArray
            ?? (list as JsonObject)?.Select(p => p.Value).OfType<JsonArray>().FirstOrDefault()
            ?? list as JsonArray
            ?? [];

        return items.Select(i => Text(i?["developerName"])).OfType<string>().ToList();
    }

    private static JsonObject Header(Header h) => new()
    {
        ["headerName"] = h.Name,
        ["headerValue"] = h.Value,
        ["sequenceNumber"] = h.Sequence,
    };

    private static JsonObject Parameter(Parameter p)
    {
        var node = new JsonObject
        {
            ["parameterName"] = p.Name,
            ["parameterType"] = p.Type,
            ["parameterValue"] = p.Value,
        };

        if (p.Description is not null)
        {
            node["parameterDescription"] = p.Description;
        }

        return node;
    }

    private static List<Header> ReadHeaders(JsonNode? node) =>
        Array(node)
            .Select((h, i) => new Header(Text(h["headerName"]) ?? "", Text(h["headerValue"]) ?? "", Int(h["sequenceNumber"]) ?? i + 1))
            .OrderBy(h => h.Sequence)
            .Select((h, i) => h with { Sequence = i + 1 })
            .ToList();

    private static List<Parameter> ReadParameters(JsonNode? node) =>
        Array(node)
            .Where(p => DefinitionParameterTypes.Contains(Text(p["parameterType"]) ?? ""))
            .Select(p => new Parameter(
                Text(p["parameterType"])!,
                Text(p["parameterName"]) ?? "",
                Text(p["parameterValue"]),
                Text(p["parameterDescription"])))
            .ToList();

    private static IEnumerable<JsonNode> Array(JsonNode? node) =>
        (node as JsonArray ?? []).OfType<JsonNode>();

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static int? Int(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<int>(out var i) ? i : null;

    private static bool? Bool(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;
}
