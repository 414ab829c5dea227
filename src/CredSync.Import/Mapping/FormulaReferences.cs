using System.Text.RegularExpressions;

namespace CredSync.Import.Mapping;

/// <summary>
/// Finds the <c>$Credential.&lt;ExternalCredential&gt;.&lt;Key&gt;</c> merge fields of a formula.
/// </summary>
internal static partial class FormulaReferences
{
    public static IEnumerable<(string ExternalCredential, string Key)> Find(string? formula)
    {
        if (formula is null)
        {
            yield break;
        }

        foreach (Match match in CredentialField().Matches(formula))
        {
            yield return (match.Groups["ec"].Value, match.Groups["key"].Value);
        }
    }

    // Merge-field names are case-insensitive in Salesforce formulas.
    [GeneratedRegex(
        @"\$Credential\.(?<ec>[A-Za-z][A-Za-z0-9_]*)\.(?<key>[A-Za-z0-9_]+)",
        RegexOptions.IgnoreCase)]
    private static partial Regex CredentialField();
}
