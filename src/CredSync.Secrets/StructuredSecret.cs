using System.Text.Json;
using CredSync.Core.Secrets;
using YamlDotNet.RepresentationModel;

namespace CredSync.Secrets;

/// <summary>Picks one field out of a secret that is a JSON, YAML or dotenv document.</summary>
internal static class StructuredSecret
{
    public enum Format
    {
        Json,
        Yaml,
        Dotenv,
        Guess,
    }

    public static Format FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".json" => Format.Json,
        ".yaml" or ".yml" => Format.Yaml,
        ".env" => Format.Dotenv,
        _ when Path.GetFileName(path).StartsWith(".env", StringComparison.Ordinal) => Format.Dotenv,
        _ => Format.Guess,
    };

    /// <summary>
    /// Reads a property. Messages name the property and the source, never any content: a parse
    /// error's text could quote the secret, so it is not passed on.
    /// </summary>
    public static SecretValue Property(string text, string property, Format format, string source)
    {
        if (format == Format.Guess)
        {
            var trimmed = text.TrimStart();
            format = trimmed.StartsWith('{') ? Format.Json : LooksLikeDotenv(text) ? Format.Dotenv : Format.Yaml;
        }

        var value = format switch
        {
            Format.Json => FromJson(text, property, source),
            Format.Yaml => FromYaml(text, property, source),
            _ => FromDotenv(text, property),
        };

        return value is null
            ? throw new SecretNotFoundException($"The {source} has no property '{property}'.")
            : new SecretValue(value);
    }

    private static string? FromJson(string text, string property, string source)
    {
        try
        {
            using var document = JsonDocument.Parse(text);

            if (document.RootElement.ValueKind != JsonValueKind.Object ||
                !document.RootElement.TryGetProperty(property, out var element))
            {
                return null;
            }

            // A null field is no value at all, not the text "null".
            return element.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => element.GetString(),
                _ => element.GetRawText(),
            };
        }
        catch (JsonException)
        {
            throw new SecretNotFoundException($"The {source} is not valid JSON, so property '{property}' cannot be read.");
        }
    }

    private static string? FromYaml(string text, string property, string source)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));

            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
            {
                return null;
            }

            // A plain null (~, null, or nothing) is no value at all, not the text "~".
            return map.Children.TryGetValue(new YamlScalarNode(property), out var node) && node is YamlScalarNode scalar &&
                   !(scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is "" or "~" or "null" or "Null" or "NULL")
                ? scalar.Value
                : null;
        }
        catch (Exception e) when (e is YamlDotNet.Core.YamlException or InvalidOperationException)
        {
            // Some malformed documents (an unclosed '[' followed by more lines) end the parser
            // with a bare InvalidOperationException; both mean the same to the user.
            throw new SecretNotFoundException($"The {source} is not valid YAML, so property '{property}' cannot be read.");
        }
    }

    private static string? FromDotenv(string text, string property)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r').Trim();

            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                line = line["export ".Length..].TrimStart();
            }

            var eq = line.IndexOf('=');

            if (eq <= 0 || line[..eq].Trim() != property)
            {
                continue;
            }

            var value = line[(eq + 1)..].Trim();

            if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0])
            {
                value = value[1..^1];
            }

            return value;
        }

        return null;
    }

    private static bool LooksLikeDotenv(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .All(l => l.Contains('=') && !l.Contains(": ", StringComparison.Ordinal));
}
