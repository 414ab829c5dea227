using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CredSync.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CredSync.Core.Loading;

/// <summary>
/// Reads YAML parser events into a JSON tree. Working from events rather than YamlDotNet's
/// object model lets us refuse anchors and aliases before anything expands them (a
/// "billion laughs" file is refused, not walked), report duplicate keys, and keep a position
/// for every node.
/// </summary>
public static partial class YamlReader
{
    public static YamlDocument Read(string file, string text)
    {
        var valueMarks = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var keyMarks = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var parser = new Parser(new StringReader(text));
        var lastGood = new SourceLocation(file, 1, 1);

        try
        {
            parser.Consume<StreamStart>();

            if (parser.Accept<StreamEnd>(out _))
            {
                return new YamlDocument(file, null, valueMarks, keyMarks);
            }

            parser.Consume<DocumentStart>();

            var context = new ReadContext(file, parser, valueMarks, keyMarks);
            var root = context.ReadNode("", ref lastGood);

            parser.Consume<DocumentEnd>();

            if (!parser.Accept<StreamEnd>(out _))
            {
                var next = parser.Current!;
                throw new InvalidInputException(Diagnostic.Error(
                    "The file holds more than one YAML document.",
                    "Keep the whole configuration in one document; remove the extra '---'.",
                    Mark(file, next.Start)));
            }

            return new YamlDocument(file, root, valueMarks, keyMarks);
        }
        catch (YamlException e)
        {
            // YamlDotNet's messages already say what it expected; the position is what matters.
            // A tab used to indent is reported at the mapping it breaks, not at the tab: find the tab.
            var tab = e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) ? FirstIndentingTab(file, text) : null;
            var at = tab ?? (e.Start.Line > 0 ? Mark(file, e.Start) : lastGood);
            throw new InvalidInputException(Diagnostic.Error(
                "The file is not valid YAML.",
                Clean(e.Message) + " Fix the syntax at this position.",
                at));
        }
        catch (InvalidOperationException)
        {
            // Some malformed inputs (an unclosed flow sequence followed by more lines) surface
            // as a bare InvalidOperationException with no position; report the last good mark.
            throw new InvalidInputException(Diagnostic.Error(
                "The file is not valid YAML.",
                "The parser could not go on after this position. Look for an unclosed '[' or '{' or a missing quote.",
                lastGood));
        }
    }

    private static SourceLocation? FirstIndentingTab(string file, string text)
    {
        var lines = text.Split('\n');

        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t');

            if (tab >= 0 && tab < indent)
            {
                return new SourceLocation(file, i + 1, tab + 1);
            }
        }

        return null;
    }

    internal static SourceLocation Mark(string file, Mark mark) =>
        new(file, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    private static string Clean(string message)
    {
        var trimmed = MarkPrefix().Replace(message, "").Trim();

        return trimmed.EndsWith('.') ? trimmed : trimmed + ".";
    }

    internal static JsonNode? ScalarToJson(Scalar scalar)
    {
        // Quoted scalars are always strings; plain scalars follow the YAML 1.2 core schema.
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(scalar.Value);
        }

        var v = scalar.Value;

        switch (v)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (IntegerPattern().IsMatch(v) &&
            long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            return JsonValue.Create(n);
        }

        if (FloatPattern().IsMatch(v) &&
            double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return JsonValue.Create(d);
        }

        return JsonValue.Create(v);
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex MarkPrefix();

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
