namespace CredSync.Core.Planning;

/// <summary>The Connect REST paths CredSync calls, below /services/data/vXX.X.</summary>
public static class ApiPaths
{
    public const string ExternalCredentials = "/named-credentials/external-credentials";
    public const string NamedCredentials = "/named-credentials/named-credential-setup";
    public const string Credential = "/named-credentials/credential";

    public static string ExternalCredential(string name) => $"{ExternalCredentials}/{Uri.EscapeDataString(name)}";

    public static string NamedCredential(string name) => $"{NamedCredentials}/{Uri.EscapeDataString(name)}";

    public static IReadOnlyList<KeyValuePair<string, string>> PrincipalQuery(
        string externalCredential,
        string principal,
        string principalType,
        IEnumerable<string>? authenticationParameters = null)
    {
        var query = new List<KeyValuePair<string, string>>
        {
            new("externalCredential", externalCredential),
            new("principalName", principal),
            new("principalType", principalType),
        };

        if (authenticationParameters is not null)
        {
            query.Add(new("authenticationParameters", string.Join(",", authenticationParameters)));
        }

        return query;
    }
}
