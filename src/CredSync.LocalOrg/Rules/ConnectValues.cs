namespace CredSync.LocalOrg;

/// <summary>The enum values of the Connect REST named-credentials resources (reference §1.6).</summary>
internal static class ConnectValues
{
    public const string AwsSv4 = "AwsSv4";
    public const string Basic = "Basic";
    public const string Custom = "Custom";
    public const string Jwt = "Jwt";
    public const string OAuth = "OAuth";

    public const string NamedPrincipal = "NamedPrincipal";
    public const string PerUserPrincipal = "PerUserPrincipal";
    public const string AwsStsPrincipal = "AwsStsPrincipal";

    public const string Configured = "Configured";
    public const string NotConfigured = "NotConfigured";

    public const string AuthParameter = "AuthParameter";

    public static readonly IReadOnlyList<string> Protocols = [AwsSv4, Basic, Custom, Jwt, OAuth];

    public static readonly IReadOnlyList<string> PrincipalTypes =
        [AwsStsPrincipal, NamedPrincipal, PerUserPrincipal];

    /// <summary>Each variant and the one protocol it belongs to.</summary>
    public static readonly IReadOnlyDictionary<string, string> VariantProtocols =
        new Dictionary<string, string>
    {
        ["AwsSv4_STS"] = AwsSv4,
        ["RolesAnywhere"] = AwsSv4,
        ["ClientCredentialsClientSecret"] = OAuth,
        ["ClientCredentialsClientSecretBasic"] = OAuth,
        ["ClientCredentialsJwtAssertion"] = OAuth,
        ["JwtBearer"] = OAuth,
        ["NoAuthentication"] = Custom,
    };

    public static readonly IReadOnlyList<string> Variants =
        [.. VariantProtocols.Keys.Order(StringComparer.Ordinal)];

    public static readonly IReadOnlyList<string> ExternalCredentialParameterTypes =
    [
        "AdditionalRefreshStatusCode",
        AuthParameter,
        "AuthProvider",
        "AuthProviderUrl",
        "AuthProviderUrlQueryParameter",
        "JwtBodyClaim",
        "JwtHeaderClaim",
        "ManagedByComponent",
        "ManagedByFeature",
        "SigningCertificate",
    ];

    /// <summary>The names an <c>AuthParameter</c> may have; other types take any name.</summary>
    public static readonly IReadOnlyList<string> AuthParameterNames =
    [
        "AwsAccountId",
        "AwsProfileArn",
        "AwsRegion",
        "AwsService",
        "AwsStsDuration",
        "AwsStsExternalId",
        "AwsTrustAnchorArn",
        "Scope",
    ];

    public static readonly IReadOnlyList<string> NamedCredentialParameterTypes =
    [
        "AllowedManagedPackageNamespaces",
        "ClientCertificate",
        "ConnectionStatus",
    ];

    public static readonly IReadOnlyList<string> NamedCredentialTypes =
        ["PrivateEndpoint", "SecuredEndpoint"];

    public static readonly IReadOnlyList<string> CalloutStatuses = ["Disabled", "Enabled"];
}
