using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace CredSync.LocalOrg;

/// <summary>Reads and checks the session token of a request.</summary>
internal static class BearerToken
{
    /// <summary>True when the Authorization header carries exactly the org's token.</summary>
    /// <remarks>Salesforce takes the token under the "Bearer" scheme and the old "OAuth" one.</remarks>
    public static bool Matches(HttpRequest request, string expected)
    {
        var header = request.Headers.Authorization.ToString();
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
        {
            return false;
        }

        var scheme = header[..space];
        if (!scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase)
            && !scheme.Equals("OAuth", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var token = Encoding.UTF8.GetBytes(header[(space + 1)..].Trim());

        return CryptographicOperations.FixedTimeEquals(token, Encoding.UTF8.GetBytes(expected));
    }

    public static bool IsPresent(HttpRequest request)
    {
        return !string.IsNullOrWhiteSpace(request.Headers.Authorization);
    }
}
