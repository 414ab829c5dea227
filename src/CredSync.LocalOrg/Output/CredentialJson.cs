using System.Text.Json.Nodes;

namespace CredSync.LocalOrg;

/// <summary>Writes the Credential output; it never holds an encrypted value.</summary>
internal static class CredentialJson
{
    public const string Mask = "********";

    public static JsonObject Write(
        StoredExternalCredential ec,
        StoredPrincipal principal,
        ApiVersion version,
        EncryptedReadback readback)
    {
        var credentials = new JsonObject();
        foreach (var (key, stored) in principal.Credentials.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var entry = new JsonObject
            {
                ["encrypted"] = stored.Encrypted,
                ["value"] = stored.Encrypted ? Masked(readback) : stored.Value,
            };

            if (version.IsAtLeast(58))
            {
                entry["revision"] = stored.Revision;
            }

            credentials[key] = entry;
        }

        var json = new JsonObject { ["authenticationProtocol"] = ec.Protocol };
        if (version.IsAtLeast(57))
        {
            json["authenticationProtocolVariant"] = ec.Variant;
        }

        json["authenticationStatus"] = CredentialRules.Status(ec, principal);
        json["credentials"] = credentials;
        json["externalCredential"] = ec.DeveloperName;
        json["principalName"] = principal.Name;
        json["principalType"] = principal.Type;

        return json;
    }

    private static string? Masked(EncryptedReadback readback)
    {
        return readback == EncryptedReadback.Masked ? Mask : null;
    }
}
