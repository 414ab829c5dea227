using System.Text.Json;
using System.Text.Json.Nodes;
using CredSync.Core.Diagnostics;
using CredSync.Core.Planning;

namespace CredSync.Cli.Views;

/// <summary>
/// The JSON form of a plan (format_version 1). It is the one representation the text and
/// markdown views render from, and what <c>plan --out</c> saves. It holds addresses, calls,
/// field values of definitions, credential key names, references and keyed fingerprints;
/// never a secret value.
/// </summary>
public static class PlanDocument
{
    public const string FormatVersion = "1";

    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static JsonObject From(Plan plan)
    {
        var version = plan.Org.ApiVersion;

        return new JsonObject
        {
            ["format_version"] = FormatVersion,
            ["config"] = new JsonObject { ["path"] = plan.ConfigPath, ["digest"] = plan.ConfigDigest },
            ["org"] = new JsonObject
            {
                ["organization_id"] = plan.Org.OrganizationId,
                ["instance_url"] = plan.Org.InstanceUrl,
                ["username"] = plan.Org.Username,
                ["api_version"] = version,
            },
            ["changes"] = new JsonArray(plan.Changes.Select(c => (JsonNode?)Change(c, version)).ToArray()),
            ["summary"] = new JsonObject
            {
                ["create"] = plan.Summary.Create,
                ["update"] = plan.Summary.Update,
                ["delete"] = plan.Summary.Delete,
                ["replace"] = plan.Summary.Replace,
                ["no_op"] = plan.Changes.Count(c => c.Action == ChangeAction.NoOp),
                ["secret_values_to_set"] = plan.Summary.SecretValuesToSet,
                ["keys_to_remove"] = plan.Summary.KeysToRemove,
                ["has_changes"] = plan.Summary.HasChanges,
            },
            ["diagnostics"] = Diagnostics(plan.Diagnostics),
            ["state_digest"] = plan.StateDigest,
        };
    }

    public static JsonArray Diagnostics(IEnumerable<Diagnostic> diagnostics) =>
        new(diagnostics.Select(d => (JsonNode?)new JsonObject
        {
            ["severity"] = d.Severity.ToString().ToLowerInvariant(),
            ["summary"] = d.Summary,
            ["detail"] = d.Detail,
            ["address"] = d.Address,
            ["file"] = d.Location?.File,
            ["line"] = d.Location?.Line,
            ["column"] = d.Location?.Column,
        }).ToArray());

    public static string Action(ChangeAction action) => action switch
    {
        ChangeAction.NoOp => "no-op",
        _ => action.ToString().ToLowerInvariant(),
    };

    private static JsonObject Change(PlannedChange change, string version)
    {
        var calls = change.Calls.Select(c => c.Display(version)).ToList();

        return new JsonObject
        {
            ["address"] = change.Address,
            ["kind"] = change.Kind.ToString(),
            ["name"] = change.Name,
            ["action"] = Action(change.Action),
            ["api_call"] = calls.Count == 0 ? null : string.Join(" ; ", calls),
            ["api_calls"] = new JsonArray(calls.Select(c => (JsonNode?)c).ToArray()),
            ["fields"] = new JsonArray(change.Fields.Select(f => (JsonNode?)new JsonObject
            {
                ["name"] = f.Field,
                ["before"] = f.Before,
                ["after"] = f.After,
            }).ToArray()),
            ["keys"] = new JsonArray(change.Keys.Select(k => (JsonNode?)new JsonObject
            {
                ["name"] = k.Key,
                ["change"] = k.Kind.ToString().ToLowerInvariant(),
                ["encrypted"] = k.Encrypted,
                ["reason"] = k.Reason,
                ["source"] = change.Write?.Keys.FirstOrDefault(w => w.Key == k.Key)?.Secret?.ToString(),
            }).ToArray()),
            ["reason"] = change.Reason,
            ["depends_on"] = new JsonArray(change.DependsOn.Select(d => (JsonNode?)d).ToArray()),
            ["live_digest"] = change.LiveDigest,
            ["fingerprints"] = new JsonObject(change.Fingerprints
                .OrderBy(f => f.Key, StringComparer.Ordinal)
                .Select(f => KeyValuePair.Create<string, JsonNode?>(f.Key, f.Value))),
        };
    }
}
