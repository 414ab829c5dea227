using System.Security.Cryptography;

namespace CredSync.LocalOrg;

/// <summary>Makes record ids and tokens shaped like Salesforce's.</summary>
internal static class Ids
{
    public const string Organization = "00D";
    public const string User = "005";
    public const string NamedCredential = "0XA";

    // Salesforce does not document key prefixes for these objects; these three are made up.
    public const string ExternalCredential = "0pt";
    public const string Principal = "0pu";
    public const string Parameter = "0pv";

    private const string Alphanumerics =
        "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const string TokenCharacters = Alphanumerics + "._";

    /// <summary>An 18-character id: the key prefix and 15 random letters and digits.</summary>
    public static string New(string prefix)
    {
        return prefix + RandomNumberGenerator.GetString(Alphanumerics, 15);
    }

    /// <summary>A short random suffix for temporary file names.</summary>
    public static string Suffix()
    {
        return RandomNumberGenerator.GetString(Alphanumerics, 8);
    }

    /// <summary>
    /// A session token as Salesforce issues them: the 15-character org id, '!', and random text.
    /// The Salesforce CLI checks for the <c>00D…!</c> shape before it uses a token.
    /// </summary>
    public static string AccessToken(string organizationId)
    {
        return organizationId[..15] + "!" + RandomNumberGenerator.GetString(TokenCharacters, 96);
    }
}
