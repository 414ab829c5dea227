namespace CredSync.Import.Mapping;

/// <summary>How each metadata parameter type is treated on import.</summary>
internal static class ParameterTypes
{
    public const string AuthHeader = "AuthHeader";
    public const string AuthProtocolVariant = "AuthProtocolVariant";
    public const string AuthProvider = "AuthProvider";
    public const string SigningCertificate = "SigningCertificate";
    public const string NamedPrincipal = "NamedPrincipal";
    public const string PerUserPrincipal = "PerUserPrincipal";
    public const string AwsStsPrincipal = "AwsStsPrincipal";

    public const string Url = "Url";
    public const string Authentication = "Authentication";
    public const string HttpHeader = "HttpHeader";

    public static IReadOnlySet<string> Principals { get; } = Set(
        NamedPrincipal,
        PerUserPrincipal,
        AwsStsPrincipal);

    /// <summary>External credential parameters written to <c>parameters</c> as they are.</summary>
    public static IReadOnlySet<string> ExternalCredentialParameters { get; } = Set(
        "AdditionalRefreshStatusCode",
        "AuthParameter",
        AuthProvider,
        "AuthProviderUrl",
        "AuthProviderUrlQueryParameter",
        "JwtBodyClaim",
        "JwtHeaderClaim",
        SigningCertificate);

    /// <summary>
    /// External credential parameters that Salesforce documents as internal: it sets and keeps
    /// them itself, so leaving them out of credsync.yaml loses nothing the user wrote.
    /// </summary>
    public static IReadOnlySet<string> InternalExternalCredentialParameters { get; } = Set(
        "CreatedByNamespace",
        "CustomPrincipal",
        "GlobalNamedPrincipal",
        "ManagedByComponent",
        "ManagedByFeature",
        "PrincipalIdentityAlias",
        "SfHttpRequestExtensionName",
        "SystemUserPrincipal");

    /// <summary>Named credential parameters that Salesforce documents as internal.</summary>
    public static IReadOnlySet<string> InternalNamedCredentialParameters { get; } = Set(
        "ConnectionStatus",
        "CreatedByNamespace",
        "CustomParameter",
        "ManagedByComponent",
        "ManagedByFeature",
        "ManagedByNamespace",
        "NamedCredentialOptions",
        "SfHttpRequestExtensionName",
        "StandardNamedCredentialType");

    /// <summary>Parameter groups that mean "the external credential itself".</summary>
    public static bool IsDefaultGroup(string? group) =>
        group is null or "DefaultGroup" or "DEFAULT_GROUP";

    private static HashSet<string> Set(params IEnumerable<string> names) =>
        new(names, StringComparer.Ordinal);
}
