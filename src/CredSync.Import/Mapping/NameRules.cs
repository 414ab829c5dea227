using System.Text.RegularExpressions;
using CredSync.Import.Reading;

namespace CredSync.Import.Mapping;

/// <summary>
/// The name patterns of schemas/credsync.schema.json. A name that breaks them would make the
/// written file invalid, so the importer reports it instead of writing it.
/// </summary>
internal static partial class NameRules
{
    public static bool IsDeveloperName(string name) =>
        name.Length <= 255 && DeveloperName().IsMatch(name);

    /// <summary>
    /// Reports a file whose name (its developer name) breaks the rules; true when it is valid.
    /// </summary>
    public static bool CheckFileName(MetadataFile file, DiagnosticBag diagnostics)
    {
        if (IsDeveloperName(file.DeveloperName))
        {
            return true;
        }

        diagnostics.Error(
            file.WholeFile,
            $"'{file.DeveloperName}' (from the file name) is not a valid developer name: "
            + "letters, digits and single underscores, starting with a letter");

        return false;
    }

    public static bool IsPrincipalName(string name) =>
        name.Length <= 255 && PrincipalName().IsMatch(name);

    public static bool IsAccessGrant(string grant) => AccessGrant().IsMatch(grant);

    public static bool IsNamespace(string name) => Namespace().IsMatch(name);

    public static bool IsStoreName(string name) => StoreName().IsMatch(name);

    [GeneratedRegex("^([A-Za-z][A-Za-z0-9]*__)?[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)*$")]
    private static partial Regex DeveloperName();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9 _-]*$")]
    private static partial Regex PrincipalName();

    [GeneratedRegex("^([A-Za-z][A-Za-z0-9]*__)?[A-Za-z][A-Za-z0-9_]*-[A-Za-z0-9][A-Za-z0-9 _-]*$")]
    private static partial Regex AccessGrant();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex Namespace();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*$")]
    private static partial Regex StoreName();
}
