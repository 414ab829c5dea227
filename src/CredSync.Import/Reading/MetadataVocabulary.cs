namespace CredSync.Import.Reading;

/// <summary>
/// Every documented field of the metadata elements the importer reads (Metadata API v56 to
/// v67, legacy fields included), so that a real file never trips the unknown-element check
/// while a misspelt or unsupported one always does.
/// </summary>
internal static class MetadataVocabulary
{
    // Declared first: the static fields below read them while they are initialised.
    /// <summary>Fields of the pre-v56 named credential model, deprecated since v56.</summary>
    public static IReadOnlyList<string> LegacyNamedCredentialFields { get; } =
    [
        "authProvider",
        "authTokenEndpointUrl",
        "awsAccessKey",
        "awsAccessSecret",
        "awsRegion",
        "awsService",
        "certificate",
        "endpoint",
        "jwtAudience",
        "jwtFormulaSubject",
        "jwtIssuer",
        "jwtSigningCertificate",
        "jwtTextSubject",
        "jwtValidityPeriodSeconds",
        "oauthRefreshToken",
        "oauthScope",
        "oauthToken",
        "outboundNetworkConnection",
        "password",
        "principalType",
        "privateConnection",
        "protocol",
        "username",
    ];

    /// <summary>Legacy fields that hold a secret when they hold anything at all.</summary>
    public static IReadOnlySet<string> LegacySecretFields { get; } =
        Set("awsAccessSecret", "oauthRefreshToken", "oauthToken", "password");

    public static readonly ElementVocabulary ExternalCredential = new(
        "ExternalCredential",
        Set("authenticationProtocol", "description", "fullName", "label"),
        Set("externalCredentialParameters"));

    public static readonly ElementVocabulary ExternalCredentialParameter = new(
        "externalCredentialParameters",
        Set(
            "authProvider",
            "certificate",
            "description",
            "externalAuthIdentityProvider",
            "parameterGroup",
            "parameterName",
            "parameterType",
            "parameterValue",
            "principal",
            "sequenceNumber"),
        Set());

    public static readonly ElementVocabulary NamedCredential = new(
        "NamedCredential",
        Set(
        [
            "allowMergeFieldsInBody",
            "allowMergeFieldsInHeader",
            "calloutStatus",
            "description",
            "fullName",
            "generateAuthorizationHeader",
            "label",
            "namedCredentialType",
            .. LegacyNamedCredentialFields,
        ]),
        Set("namedCredentialParameters"));

    public static readonly ElementVocabulary NamedCredentialParameter = new(
        "namedCredentialParameters",
        Set(
            "certificate",
            "description",
            "externalCredential",
            "globalNamedPrincipalCredential",
            "managedFeatureEnabledCallout",
            "outboundNetworkConnection",
            "parameterName",
            "parameterType",
            "parameterValue",
            "readOnlyNamedCredential",
            "sequenceNumber",
            "systemUserNamedCredential"),
        Set());

    public static readonly ElementVocabulary PrincipalAccess = new(
        "externalCredentialPrincipalAccesses",
        Set("enabled", "externalCredentialPrincipal"),
        Set());

    private static HashSet<string> Set(params IEnumerable<string> names) =>
        new(names, StringComparer.Ordinal);
}
