using System.Net;

namespace CredSync.Salesforce;

/// <summary>Where an org is and the bearer token to use there.</summary>
public sealed record SalesforceConnection(Uri InstanceUrl, string AccessToken)
{
    /// <summary>
    /// Checks the instance URL: https, or plain http only to a loopback address (the local
    /// org), so a token is never sent in clear over a network.
    /// </summary>
    public static SalesforceConnection Create(string instanceUrl, string accessToken)
    {
        if (!Uri.TryCreate(instanceUrl.TrimEnd('/'), UriKind.Absolute, out var uri) ||
            (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"'{instanceUrl}' is not an http(s) URL. Give the org's instance URL, for example https://mydomain.my.salesforce.com.");
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
        {
            throw new ArgumentException($"'{instanceUrl}' uses plain http. CredSync sends tokens only over https, except to a loopback address such as 127.0.0.1.");
        }

        if (string.IsNullOrWhiteSpace(accessToken))
        {
            throw new ArgumentException("The access token is empty.");
        }

        return new SalesforceConnection(uri, accessToken);
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
