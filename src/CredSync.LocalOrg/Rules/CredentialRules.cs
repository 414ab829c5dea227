namespace CredSync.LocalOrg;

/// <summary>
/// Which credential keys each protocol takes, whether each is encrypted, and when a principal
/// counts as configured.
/// </summary>
internal static class CredentialRules
{
    /// <summary>For each protocol with a fixed key list: each key, and whether it is encrypted.</summary>
    private static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, bool>> FixedKeys =
        new Dictionary<string, IReadOnlyDictionary<string, bool>>
        {
            [ConnectValues.AwsSv4] = new Dictionary<string, bool>
            {
                ["awsAccessKeyId"] = false,
                ["awsSecretAccessKey"] = true,
                ["awsRoleArn"] = false,
            },
            [ConnectValues.Basic] = new Dictionary<string, bool>
            {
                ["username"] = false,
                ["password"] = true,
            },
            [ConnectValues.OAuth] = new Dictionary<string, bool>
            {
                ["clientId"] = false,
                ["clientSecret"] = true,
            },
        };

    /// <summary>Only the Custom protocol lets single keys be patched or deleted.</summary>
    public static bool AllowsPartialChanges(string protocol)
    {
        return protocol == ConnectValues.Custom;
    }

    /// <summary>Refuses a key the protocol doesn't know, or one with the wrong encryption.</summary>
    public static void Check(string protocol, string key, bool encrypted)
    {
        if (key.Length is 0 or > 255 || string.IsNullOrWhiteSpace(key) || key.Contains(','))
        {
            throw ApiException.InvalidInput(
                "A credential key must have 1 to 255 characters, not all blank, and no comma.");
        }

        if (!FixedKeys.TryGetValue(protocol, out var keys))
        {
            return;
        }

        if (!keys.TryGetValue(key, out var mustEncrypt))
        {
            throw ApiException.InvalidInput(
                $"The key '{key}' isn't allowed for the {protocol} protocol; " +
                $"allowed keys are {string.Join(", ", keys.Keys)}.");
        }

        if (mustEncrypt != encrypted)
        {
            throw ApiException.InvalidInput(
                $"The key '{key}' must be sent with encrypted={(mustEncrypt ? "true" : "false")} " +
                $"for the {protocol} protocol.");
        }
    }

    /// <summary>Configured when the principal holds every value its protocol and variant need.</summary>
    public static string Status(StoredExternalCredential ec, StoredPrincipal principal)
    {
        return IsConfigured(ec, principal) ? ConnectValues.Configured : ConnectValues.NotConfigured;
    }

    /// <summary>Configured when at least one principal is.</summary>
    public static string Status(StoredExternalCredential ec)
    {
        return ec.Principals.Any(p => IsConfigured(ec, p))
            ? ConnectValues.Configured
            : ConnectValues.NotConfigured;
    }

    private static bool IsConfigured(StoredExternalCredential ec, StoredPrincipal principal)
    {
        bool Has(string key) => principal.Credentials.ContainsKey(key);

        return ec.Protocol switch
        {
            ConnectValues.OAuth when ec.Variant == "ClientCredentialsJwtAssertion" => Has("clientId"),
            ConnectValues.OAuth => Has("clientId") && Has("clientSecret"),
            ConnectValues.Basic => Has("username") && Has("password"),
            ConnectValues.AwsSv4 when ec.Variant == "RolesAnywhere" => Has("awsRoleArn"),

            // With STS the named principal holds the role to assume; the keys sit on the STS principal.
            ConnectValues.AwsSv4
                when ec.Variant == "AwsSv4_STS" && principal.Type == ConnectValues.NamedPrincipal
                => Has("awsRoleArn"),
            ConnectValues.AwsSv4 => Has("awsAccessKeyId") && Has("awsSecretAccessKey"),
            _ => principal.Credentials.Count > 0,
        };
    }
}
