namespace CredSync.LocalOrg;

/// <summary>The route templates the local org serves, as in <see cref="RecordedRequest.Template"/>.</summary>
public static class LocalOrgRoutes
{
    /// <summary>The list of API versions.</summary>
    public const string Versions = "/services/data";

    /// <summary>The resource map of one API version.</summary>
    public const string ResourceMap = "/services/data/{version}";

    /// <summary>The OpenID Connect user info of the token's user.</summary>
    public const string UserInfo = "/services/oauth2/userinfo";

    /// <summary>The org's limits, including the daily API request allocation.</summary>
    public const string Limits = "/services/data/{version}/limits";

    /// <summary>The external credential list; GET lists, POST creates.</summary>
    public const string ExternalCredentials =
        "/services/data/{version}/named-credentials/external-credentials";

    /// <summary>One external credential; GET, PUT, DELETE.</summary>
    public const string ExternalCredential = ExternalCredentials + "/{developerName}";

    /// <summary>The named credential list; GET lists, POST creates.</summary>
    public const string NamedCredentials =
        "/services/data/{version}/named-credentials/named-credential-setup";

    /// <summary>One named credential; GET, PUT, DELETE.</summary>
    public const string NamedCredential = NamedCredentials + "/{developerName}";

    /// <summary>A principal's credential values; GET, POST, PUT, PATCH, DELETE.</summary>
    public const string Credential = "/services/data/{version}/named-credentials/credential";
}
