namespace CredSync.Core.Model;

/// <summary>
/// What Salesforce allows per authentication protocol: the variants, and which credential
/// keys a principal may hold with which encryption (Connect API, Credential Input).
/// </summary>
public static class Protocols
{
    public const string Custom = "Custom";

    public static readonly IReadOnlyDictionary<string, string[]> Variants = new Dictionary<string, string[]>
    {
        ["Custom"] = ["NoAuthentication"],
        ["OAuth"] = ["ClientCredentialsClientSecret", "ClientCredentialsClientSecretBasic", "ClientCredentialsJwtAssertion", "JwtBearer"],
        ["AwsSv4"] = ["AwsSv4_STS", "RolesAnywhere"],
        ["Basic"] = [],
        ["Jwt"] = [],
    };

    /// <summary>The allowed keys and whether each must be encrypted; null means any key, caller's choice.</summary>
    public static IReadOnlyDictionary<string, bool>? AllowedKeys(string protocol) => protocol switch
    {
        "AwsSv4" => new Dictionary<string, bool>
        {
            ["awsAccessKeyId"] = false,
            ["awsSecretAccessKey"] = true,
            ["awsRoleArn"] = false,
        },
        "Basic" => new Dictionary<string, bool> { ["username"] = false, ["password"] = true },
        "OAuth" => new Dictionary<string, bool> { ["clientId"] = false, ["clientSecret"] = true },
        _ => null,
    };

    /// <summary>Custom credentials can be merged (PATCH) and deleted key by key; others are set whole.</summary>
    public static bool SupportsPartialUpdate(string protocol) => protocol == Custom;
}
