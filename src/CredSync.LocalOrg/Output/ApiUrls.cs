namespace CredSync.LocalOrg;

/// <summary>The relative URLs that responses carry in their <c>url</c> fields.</summary>
internal static class ApiUrls
{
    public static string ExternalCredentials(ApiVersion version)
    {
        return $"{version.Path}/named-credentials/external-credentials";
    }

    public static string ExternalCredential(ApiVersion version, string developerName)
    {
        return $"{ExternalCredentials(version)}/{Uri.EscapeDataString(developerName)}";
    }

    public static string NamedCredentials(ApiVersion version)
    {
        return $"{version.Path}/named-credentials/named-credential-setup";
    }

    public static string NamedCredential(ApiVersion version, string developerName)
    {
        return $"{NamedCredentials(version)}/{Uri.EscapeDataString(developerName)}";
    }
}
