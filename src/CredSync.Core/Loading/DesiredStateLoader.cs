using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CredSync.Core.Diagnostics;
using CredSync.Core.Model;

namespace CredSync.Core.Loading;

/// <summary>
/// Loads credsync.yaml: YAML with positions, then the JSON Schema, then the checks a schema
/// cannot express (references between sections, protocol rules). Every problem found is
/// reported at once; nothing here reads a secret or touches the network.
/// </summary>
public static class DesiredStateLoader
{
    public const string MinimumApiVersion = "59.0";

    /// <summary>Loads a file; diagnostics name it as <paramref name="displayPath"/> (default: as given).</summary>
    public static DesiredState Load(string path, string? displayPath = null)
    {
        var full = Path.GetFullPath(path);
        displayPath ??= path;

        if (!File.Exists(full))
        {
            throw new InvalidInputException(Diagnostic.Error(
                $"The configuration file '{displayPath}' does not exist.",
                "Pass the file with -c/--config, or run from the folder that holds credsync.yaml."));
        }

        var bytes = File.ReadAllBytes(full);
        string text;

        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidInputException(Diagnostic.Error(
                $"The configuration file '{displayPath}' is not UTF-8 text.",
                "Save it as UTF-8."));
        }

        return Parse(displayPath, text, Convert.ToHexStringLower(SHA256.HashData(bytes)), Path.GetDirectoryName(full));
    }

    /// <summary>Parses text; relative paths in it (store roots, the ledger) are taken from <paramref name="baseDirectory"/>.</summary>
    public static DesiredState Parse(string displayPath, string text, string? digest = null, string? baseDirectory = null)
    {
        var document = YamlReader.Read(displayPath, text.TrimStart('\uFEFF'));

        if (document.Root is not JsonObject)
        {
            throw new InvalidInputException(Diagnostic.Error(
                "The configuration is empty or not a mapping.",
                "Start the file with 'version: 1'; see 'credsync schema' for the format.",
                document.LocationOf("")));
        }

        var schemaErrors = SchemaValidator.Validate(document);

        if (schemaErrors.Count > 0)
        {
            throw new InvalidInputException(schemaErrors);
        }

        var binder = new Binder(document, baseDirectory ?? Path.GetDirectoryName(Path.GetFullPath(displayPath))!);
        var state = binder.Bind(digest ?? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))));

        if (binder.Diagnostics.Any(d => d.IsError))
        {
            throw new InvalidInputException(binder.Diagnostics);
        }

        return state with { Warnings = binder.Diagnostics.Where(d => !d.IsError).ToList() };
    }

    /// <summary>Compares "NN.0" API versions numerically.</summary>
    public static int CompareVersions(string a, string b) =>
        decimal.Parse(a, CultureInfo.InvariantCulture).CompareTo(decimal.Parse(b, CultureInfo.InvariantCulture));
}
