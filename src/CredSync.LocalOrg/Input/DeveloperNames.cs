using System.Text.RegularExpressions;

namespace CredSync.LocalOrg;

/// <summary>The rule Salesforce applies to API names.</summary>
internal static partial class DeveloperNames
{
    private const int MaxLength = 80;

    /// <summary>Refuses a name not starting with a letter, or with a double or final underscore.</summary>
    public static string Check(string name, string field)
    {
        if (name.Length > MaxLength || !Pattern().IsMatch(name))
        {
            throw ApiException.InvalidInput(
                $"The field '{field}' must start with a letter, hold only letters, digits and single " +
                $"underscores, not end with an underscore, and have at most {MaxLength} characters.");
        }

        return name;
    }

    [GeneratedRegex("^[A-Za-z](?:[A-Za-z0-9]|_(?=[A-Za-z0-9]))*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
