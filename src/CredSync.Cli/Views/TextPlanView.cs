using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace CredSync.Cli.Views;

/// <summary>Renders the JSON plan document for a person at a terminal or in a CI log.</summary>
public static class TextPlanView
{
    public static string Render(JsonObject document, Style style, bool drift = false)
    {
        var text = new StringBuilder();
        var org = document["org"]!;
        var changes = Changes(document);
        var orgLine = Escape($"{org["username"]} at {org["instance_url"]} (org {org["organization_id"]}, API v{org["api_version"]})");

        if (changes.Count == 0)
        {
            text.AppendLine(drift
                ? $"No drift. The org matches credsync.yaml ({orgLine})."
                : "No changes. The org matches credsync.yaml.");
            AppendDiagnostics(text, document, style);
            return text.ToString();
        }

        text.AppendLine(drift
            ? $"Drift: the org differs from credsync.yaml ({orgLine})."
            : $"CredSync will make these changes in {orgLine}:");
        text.AppendLine();
        text.AppendLine(Legend(changes, style));
        text.AppendLine();

        foreach (var change in changes)
        {
            AppendChange(text, change, style);
        }

        AppendDiagnostics(text, document, style);
        text.AppendLine(SummaryLine(document, drift));

        return text.ToString();
    }

    public static string SummaryLine(JsonObject document, bool drift = false)
    {
        var s = document["summary"]!;
        var create = (int)s["create"]!;
        var update = (int)s["update"]!;
        var delete = (int)s["delete"]!;
        var replace = (int)s["replace"]!;
        var secrets = (int)s["secret_values_to_set"]!;
        var replaceText = replace > 0 ? $", {replace} to replace" : "";
        var secretText = $"{secrets} secret value{(secrets == 1 ? "" : "s")} to set";

        return string.Create(CultureInfo.InvariantCulture,
            $"{(drift ? "Drift" : "Plan")}: {create} to create, {update} to update, {delete} to delete{replaceText}; {secretText}.");
    }

    public static List<JsonNode> Changes(JsonObject document) =>
        document["changes"]!.AsArray().OfType<JsonNode>().Where(c => (string?)c["action"] != "no-op").ToList();

    public static string Symbol(string? action) => action switch
    {
        "create" => "+",
        "update" => "~",
        "delete" => "-",
        "replace" => "-/+",
        _ => " ",
    };

    private static string Legend(List<JsonNode> changes, Style style)
    {
        var used = changes.Select(c => (string)c["action"]!).Distinct().ToHashSet();
        var items = new[] { "create", "update", "delete", "replace" }
            .Where(used.Contains)
            .Select(a => $"{Paint(style, a, Symbol(a))} {a}");

        return "Actions: " + string.Join(", ", items);
    }

    private static void AppendChange(StringBuilder text, JsonNode change, Style style)
    {
        var action = (string)change["action"]!;

        text.AppendLine($"  {Paint(style, action, Symbol(action))} {style.Bold(Escape((string)change["address"]!))}");
        text.AppendLine($"      {change["reason"]}");

        foreach (var call in change["api_calls"]!.AsArray())
        {
            text.AppendLine($"      {style.Dim("call:")} {call}");
        }

        foreach (var field in change["fields"]!.AsArray())
        {
            text.AppendLine($"      {Escape((string)field!["name"]!)}: {Show(field["before"])} → {Show(field["after"])}");
        }

        foreach (var key in change["keys"]!.AsArray())
        {
            var kind = (string)key!["change"]!;
            var mark = kind switch
            {
                "add" => "+",
                "change" => "~",
                "remove" => "-",
                _ => "?",
            };
            var value = kind is "add" or "change"
                ? ((bool)key["encrypted"]! ? " = (sensitive)" : " = (unencrypted value)")
                : "";

            text.AppendLine($"      {mark} key {Escape((string)key["name"]!)}{value}  {style.Dim("# " + Escape((string)key["reason"]!))}");
        }

        text.AppendLine();
    }

    private static void AppendDiagnostics(StringBuilder text, JsonObject document, Style style)
    {
        foreach (var d in document["diagnostics"]!.AsArray())
        {
            var severity = (string)d!["severity"]!;
            var label = severity switch
            {
                "error" => style.Red("Error:"),
                "warning" => style.Yellow("Warning:"),
                _ => "Note:",
            };
            var where = d["file"] is null ? "" : $"{d["file"]}:{d["line"]}:{d["column"]}: ";

            text.AppendLine($"{label} {Escape(where + d["summary"])}");

            if (d["detail"] is not null)
            {
                text.AppendLine($"  {Escape((string)d["detail"]!)}");
            }

            text.AppendLine();
        }
    }

    // Values come from the file and the org; control characters are shown escaped so that a
    // label cannot fake lines of the plan (a second "Plan: 0 to create..." line).
    private static string Show(JsonNode? value) => value is null ? "(none)" : $"\"{Escape(value.ToString())}\"";

    // Control characters, line and paragraph separators and invisible format characters
    // (zero-width space, bidi overrides) could hide or fake text; they are shown as escapes.
    public static string Escape(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) || char.GetUnicodeCategory(c) is
            System.Globalization.UnicodeCategory.Format or
            System.Globalization.UnicodeCategory.LineSeparator or
            System.Globalization.UnicodeCategory.ParagraphSeparator
                ? $"\\u{(int)c:x4}"
                : c.ToString()));

    private static string Paint(Style style, string action, string text) => action switch
    {
        "create" => style.Green(text),
        "update" => style.Yellow(text),
        "delete" or "replace" => style.Red(text),
        _ => text,
    };
}
