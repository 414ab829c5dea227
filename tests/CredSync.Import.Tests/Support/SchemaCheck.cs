using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace CredSync.Import.Tests.Support;

/// <summary>Checks documents against schemas/credsync.schema.json.</summary>
internal static class SchemaCheck
{
    // Built once: the schema's $id is registered when it is built.
    private static readonly Lazy<JsonSchema> Schema =
        new(() => JsonSchema.FromFile(RepositoryPaths.SchemaFile));

    /// <summary>The schema's complaints, one line each; empty when the document is valid.</summary>
    public static IReadOnlyList<string> Errors(JsonNode? document)
    {
        using var json = JsonDocument.Parse(document?.ToJsonString() ?? "null");
        var result = Schema.Value.Evaluate(
            json.RootElement,
            new EvaluationOptions { OutputFormat = OutputFormat.List });

        if (result.IsValid)
        {
            return [];
        }

        return (result.Details ?? [])
            .Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .DefaultIfEmpty("invalid, without details")
            .ToList();
    }

    /// <summary>
    /// Parses the YAML, checks it, and returns it as JSON for further assertions.
    /// </summary>
    public static JsonNode AssertValid(string? yaml)
    {
        Assert.NotNull(yaml);

        var document = YamlJson.Parse(yaml);
        var errors = Errors(document);
        Assert.True(
            errors.Count == 0,
            "Schema errors:\n" + string.Join("\n", errors) + "\n\n" + yaml);

        return document!;
    }
}
