namespace CredSync.Import.Mapping;

/// <summary>
/// Authentication protocols and variants, in metadata and in credsync.yaml terms.
/// </summary>
internal static class Protocols
{
    public const string Custom = "Custom";
    public const string OAuth = "OAuth";
    public const string Basic = "Basic";
    public const string AwsSv4 = "AwsSv4";
    public const string Jwt = "Jwt";

    /// <summary>
    /// Metadata protocols the Connect API can manage, and their credsync.yaml names.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Supported { get; } =
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Custom"] = Custom,

            // Metadata spells it "Oauth", the Connect API and credsync.yaml "OAuth".
            ["Oauth"] = OAuth,
            ["Basic"] = Basic,
            ["AwsSv4"] = AwsSv4,
            ["Jwt"] = Jwt,
        };

    /// <summary>Metadata protocols that exist in the WSDL but not in the Connect API.</summary>
    public static IReadOnlySet<string> Unsupported { get; } =
        new HashSet<string>(
            ["NoAuthentication", "Password", "JwtExchange"],
            StringComparer.Ordinal);

    public static IReadOnlySet<string> Variants { get; } = new HashSet<string>(
        [
            "AwsSv4_STS",
            "ClientCredentialsClientSecret",
            "ClientCredentialsClientSecretBasic",
            "ClientCredentialsJwtAssertion",
            "JwtBearer",
            "NoAuthentication",
            "RolesAnywhere",
        ],
        StringComparer.Ordinal);
}
