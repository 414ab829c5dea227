using System.Text;
using System.Text.Json.Nodes;

namespace CredSync.Cli.Views;

/// <summary>Renders the JSON plan document as markdown for a pull-request comment or a CI job summary.</summary>
public static class MarkdownPlanView
{
    public static string Render(JsonObject document, bool drift = false)
    {
        var text = new StringBuilder();
        var org = document["org"]!;
        var changes = TextPlanView.Changes(document);

        text.AppendLine(drift ? "### CredSync drift report" : "### CredSync plan");
        text.AppendLine();
        text.AppendLine($"Org `{Code((string)org["organization_id"]!)}` at {Cell((string)org["instance_url"]!)} as `{Code((string)org["username"]!)}`, API v{Cell((string)org["api_version"]!)}.");
        text.AppendLine();

        if (changes.Count == 0)
        {
            text.AppendLine(drift ? "**No drift.** The org matches `credsync.yaml`." : "**No changes.** The org matches `credsync.yaml`.");
        }
        else
        {
            text.AppendLine("| | Address | Call | What changes |");
            text.AppendLine("|---|---|---|---|");

            foreach (var change in changes)
            {
                var action = (string)change["action"]!;
                var calls = string.Join("<br>", change["api_calls"]!.AsArray().Select(c => $"`{Code((string)c!)}`"));

                text.AppendLine($"| `{TextPlanView.Symbol(action)}` {action} | `{Code((string)change["address"]!)}` | {calls} | {What(change)} |");
            }
        }

        var diagnostics = document["diagnostics"]!.AsArray();

        if (diagnostics.Count > 0)
        {
            text.AppendLine();

            foreach (var d in diagnostics)
            {
                var where = d!["file"] is null ? "" : $"`{Code($"{d["file"]}:{d["line"]}:{d["column"]}")}` ";
                text.AppendLine($"> **{d["severity"]}**: {where}{Cell((string)d["summary"]!)} {Cell((string?)d["detail"] ?? "")}".TrimEnd());
                text.AppendLine();
            }
        }

        text.AppendLine();
        text.AppendLine($"**{TextPlanView.SummaryLine(document, drift)}**");

        return text.ToString();
    }

    private static string What(JsonNode change)
    {
        var parts = new List<string> { (string)change["reason"]! };

        parts.AddRange(change["fields"]!.AsArray().Select(f => $"{f!["name"]}: {f["before"] ?? "(none)"} → {f["after"] ?? "(none)"}"));
        parts.AddRange(change["keys"]!.AsArray().Select(k =>
            $"{k!["change"]} key {k["name"]}{((string)k["change"]! is "add" or "change" && (bool)k["encrypted"]! ? " (sensitive)" : "")}"));

        return string.Join("<br>", parts.Select(Cell));
    }

    // Inside a code span nothing is rendered, so only the span's own end and the table's bar matter.
    private static string Code(string text) =>
        TextPlanView.Escape(text)
            .Replace("`", "'", StringComparison.Ordinal)
            .Replace("|", "\\|", StringComparison.Ordinal);

    // Cells hold text from the file and the org: HTML and markdown emphasis are neutralised so
    // that a label cannot inject markup or fake a summary line into a pull-request comment.
    private static string Cell(string text) =>
        System.Net.WebUtility.HtmlEncode(TextPlanView.Escape(text))
            .Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("*", "\\*", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal)
            .Replace("[", "\\[", StringComparison.Ordinal)
            .Replace("]", "\\]", StringComparison.Ordinal)
            .Replace("#", "\\#", StringComparison.Ordinal)
            .Replace("`", "'", StringComparison.Ordinal);
}
