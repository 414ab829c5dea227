using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CredSync.Core.Diagnostics;
using Json.Schema;

namespace CredSync.Core.Loading;

/// <summary>
/// Checks a <see cref="YamlDocument"/> against credsync.schema.json and turns the evaluator's
/// findings into diagnostics a person can act on: every problem at once, each with the
/// file, line and column it concerns.
/// </summary>
public static partial class SchemaValidator
{
    private static readonly Lazy<string> SchemaText = new(LoadSchemaText);
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(SchemaText.Value));
    private static readonly Lazy<JsonNode> SchemaTree = new(() => JsonNode.Parse(SchemaText.Value)!);

    /// <summary>The schema as shipped, for <c>credsync schema</c>.</summary>
    public static string Text => SchemaText.Value;

    public static IReadOnlyList<Diagnostic> Validate(YamlDocument document)
    {
        // The evaluator works on JsonElement; the node's JSON text is the portable way there.
        using var json = JsonDocument.Parse(document.Root?.ToJsonString() ?? "null");
        var options = new EvaluationOptions { OutputFormat = OutputFormat.List };
        var results = Schema.Value.Evaluate(json.RootElement, options);

        if (results.IsValid)
        {
            return [];
        }

        var details = results.Details ?? [];
        var validity = details
            .GroupBy(d => (d.InstanceLocation.ToString(), d.EvaluationPath.ToString()))
            .ToDictionary(g => g.Key, g => g.All(d => d.IsValid));
        var findings = details
            .Where(d => d.Errors is { Count: > 0 })
            .Select(d => new Finding(
                d.InstanceLocation.ToString(),
                Fragment(d.SchemaLocation),
                d.EvaluationPath.ToString(),
                d.Errors!))
            .Where(f => !IsCondition(f.EvaluationPath) && !InHeldChoice(f, validity))
            .ToList();

        return Explain(document, findings);
    }

    private static List<Diagnostic> Explain(YamlDocument document, List<Finding> findings)
    {
        // A failed oneOf reports every branch's complaints; replace them with one sentence
        // about the alternatives, said at the place that had to match one of them.
        var allChoices = findings
            .Where(f => f.SchemaPointer.Contains("/oneOf/", StringComparison.Ordinal))
            .Select(f => new Choice(ChoiceOwner(f), f.SchemaPointer[..f.SchemaPointer.IndexOf("/oneOf/", StringComparison.Ordinal)]))
            .Distinct()
            .ToList();
        var choices = allChoices;

        // A credential that names a secret but spells the reference wrong is better told
        // about the reference than about the three forms of a credential.
        choices = choices
            .Where(c => !(c.Def.EndsWith("/credentialValue", StringComparison.Ordinal) &&
                          choices.Any(o => o.Def.EndsWith("/secretReference", StringComparison.Ordinal) &&
                                           o.Instance == c.Instance + "/secret") &&
                          Navigate(document.Root, c.Instance) is JsonObject obj &&
                          obj.All(p => p.Key is "secret" or "encrypted") &&
                          obj["encrypted"] is null or JsonValue))
            .ToList();
        choices = choices
            .Where(c => !choices.Any(o => o != c && IsWithin(c.Instance, o.Instance) && c.Instance != o.Instance))
            .ToList();

        var diagnostics = new List<Diagnostic>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        foreach (var choice in choices)
        {
            Add(ExplainChoice(document, choice.Instance, choice.Def));
        }

        foreach (var finding in findings)
        {
            if (allChoices.Any(c => IsWithin(finding.Instance, c.Instance)) &&
                finding.SchemaPointer.Contains("/oneOf/", StringComparison.Ordinal))
            {
                continue;
            }

            if (choices.Any(c => IsWithin(finding.Instance, c.Instance) && c.Instance != finding.Instance &&
                                 finding.EvaluationPath.Contains("/oneOf/", StringComparison.Ordinal)))
            {
                continue;
            }

            foreach (var (keyword, message) in finding.Errors)
            {
                Add(ExplainOne(document, finding, keyword, message));
            }
        }

        return diagnostics
            .OrderBy(d => d.Location?.Line ?? 0)
            .ThenBy(d => d.Location?.Column ?? 0)
            .ToList();

        void Add(Diagnostic? d)
        {
            if (d is not null && seen.Add(d.ToString()))
            {
                diagnostics.Add(d);
            }
        }
    }

    /// <summary>
    /// The instance a oneOf was evaluated at: the finding's instance, less one level for every
    /// step into the instance that the evaluation path takes after the oneOf branch.
    /// </summary>
    private static string ChoiceOwner(Finding finding) =>
        ChoiceOwner(finding, finding.EvaluationPath.LastIndexOf("/oneOf/", StringComparison.Ordinal));

    /// <summary>
    /// A oneOf that held still lists the complaints of its other branches; those are not
    /// problems (a valid reference must not be reported because another line is wrong).
    /// </summary>
    private static bool InHeldChoice(Finding finding, Dictionary<(string, string), bool> validity)
    {
        var path = finding.EvaluationPath;

        for (var at = path.IndexOf("/oneOf/", StringComparison.Ordinal);
             at >= 0;
             at = path.IndexOf("/oneOf/", at + 1, StringComparison.Ordinal))
        {
            if (validity.TryGetValue((ChoiceOwner(finding, at), path[..at]), out var held) && held)
            {
                return true;
            }
        }

        return false;
    }

    private static string ChoiceOwner(Finding finding, int branch)
    {
        var path = finding.EvaluationPath;
        var below = path[(branch + "/oneOf/".Length)..].Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
        var steps = 0;

        for (var i = 0; i < below.Length; i++)
        {
            switch (below[i])
            {
                case "properties" or "patternProperties":
                    steps++;
                    i++;
                    break;
                case "additionalProperties" or "items" or "prefixItems":
                    steps++;
                    break;
            }
        }

        var owner = finding.Instance;

        for (var i = 0; i < steps; i++)
        {
            owner = YamlDocument.Parent(owner);
        }

        return owner;
    }

    // An 'if' that does not hold is not a problem; only its 'then' or 'else' can be.
    private static bool IsCondition(string evaluationPath) =>
        evaluationPath.EndsWith("/if", StringComparison.Ordinal) ||
        evaluationPath.Contains("/if/", StringComparison.Ordinal);

    private static Diagnostic? ExplainOne(YamlDocument document, Finding finding, string keyword, string message)
    {
        var instance = finding.Instance;
        var path = DisplayPath(instance);
        var schemaNode = Resolve(finding.SchemaPointer);
        var node = Navigate(document.Root, instance);

        switch (keyword)
        {
            case "" or "false" when finding.EvaluationPath.Contains("/else/", StringComparison.Ordinal):
                return Diagnostic.Error(
                    $"{Capital(DisplayPath(YamlDocument.Parent(instance)))} belongs to a values-only external credential and may hold only 'credentials'.",
                    $"Values-only external credentials (no label and protocol) are defined elsewhere, usually by a metadata deploy. Remove '{LastSegment(instance)}', or give the external credential a label and protocol.",
                    document.KeyLocationOf(instance));

            case "" or "false":
                // additionalProperties: false reports the unknown member itself.
                var key = LastSegment(instance);
                return Diagnostic.Error(
                    $"Unknown key '{key}' in {DisplayPath(YamlDocument.Parent(instance), "the top level")}.",
                    AllowedKeysHint(finding.SchemaPointer),
                    document.KeyLocationOf(instance));

            case "required":
                var required = schemaNode?["required"]?.AsArray().Select(n => n!.GetValue<string>())
                               ?? RequiredInMessage(message);
                var present = (node as JsonObject)?.Select(p => p.Key).ToHashSet() ?? [];
                var missing = required.Where(r => !present.Contains(r)).ToList();
                return Diagnostic.Error(
                    $"{Capital(path)} is missing {Quote(missing)}.",
                    "Add the missing key.",
                    document.KeyLocationOf(instance));

            case "dependentRequired":
                return Diagnostic.Error(
                    $"{Capital(path)} is missing {Quote(MissingDependencies(schemaNode, node))}.",
                    "Give label and protocol to manage the whole external credential, or leave out label, protocol, variant, headers, parameters and description to manage only its credential values.",
                    document.KeyLocationOf(instance));

            case "enum":
                var allowed = schemaNode?["enum"]?.AsArray().Select(n => n?.ToJsonString() ?? "null") ?? [];
                return Diagnostic.Error(
                    $"{Capital(path)} is {Show(node)}, which is not allowed.",
                    $"Use one of: {string.Join(", ", allowed)}.",
                    document.LocationOf(instance));

            case "const":
                return Diagnostic.Error(
                    $"{Capital(path)} is {Show(node)}; it must be {schemaNode?["const"]?.ToJsonString()}.",
                    null,
                    document.LocationOf(instance));

            case "type":
                var expected = schemaNode?["type"]?.ToJsonString().Trim('"') ?? TypeInMessage(message);
                var must = expected is null ? "of another type" : Article(expected);
                return Diagnostic.Error(
                    $"{Capital(path)} is {Show(node)}; it must be {must}.",
                    null,
                    document.LocationOf(instance));

            case "pattern" when finding.EvaluationPath.Contains("/propertyNames", StringComparison.Ordinal):
                return Diagnostic.Error(
                    $"The name '{LastSegment(instance)}' in {DisplayPath(YamlDocument.Parent(instance))} is not valid.",
                    schemaNode?["description"]?.GetValue<string>() ?? message,
                    document.KeyLocationOf(instance));

            case "pattern":
                var description = schemaNode?["description"]?.GetValue<string>();
                var isName = finding.SchemaPointer.Contains("propertyNames", StringComparison.Ordinal) ||
                             schemaNode?["maxLength"] is not null;
                var where = isName && node is null ? document.KeyLocationOf(instance) : document.LocationOf(instance);
                return Diagnostic.Error(
                    $"{Capital(path)} {Show(node ?? JsonValue.Create(LastSegment(instance)))} is not a valid name or value here.",
                    description ?? message,
                    where);

            case "additionalProperties" or "properties" or "items" or "allOf" or "anyOf" or "then" or "else" or "if" or "$ref" or "propertyNames":
                // Container keywords only repeat what their children already said.
                return null;

            default:
                return Diagnostic.Error($"{Capital(path)}: {message}", null, document.LocationOf(instance));
        }
    }

    private static Diagnostic ExplainChoice(YamlDocument document, string instance, string def)
    {
        var path = DisplayPath(instance);
        var node = Navigate(document.Root, instance);
        var at = document.LocationOf(instance);

        if (def.EndsWith("/credentialValue", StringComparison.Ordinal))
        {
            var obj = node as JsonObject;

            if (obj is not null && obj["value"] is JsonValue literal && literal.GetValueKind() == JsonValueKind.String &&
                string.IsNullOrWhiteSpace(literal.GetValue<string>()))
            {
                return Diagnostic.Error(
                    $"{Capital(path)} has an empty literal value.",
                    "Writing it would blank the key in the org. Give a value, or leave the key out (CredSync then deletes a key it wrote).",
                    at);
            }

            if (obj is not null && obj.ContainsKey("value") && obj["encrypted"]?.GetValueKind() != JsonValueKind.False)
            {
                return Diagnostic.Error(
                    $"{Capital(path)} gives a literal value without 'encrypted: false'.",
                    "Literal values are allowed only for non-secret settings, with 'encrypted: false'. Put secrets in a store and write { secret: \"<store>:<key>\" }.",
                    at);
            }

            return Diagnostic.Error(
                $"{Capital(path)} is not a credential value CredSync understands.",
                "Write one of: { secret: \"<store>:<key>[#<property>][@<version>]\" } (add 'encrypted: false' for a non-secret), { value: \"...\", encrypted: false }, or { runtimeManaged: true }.",
                at);
        }

        if (def.EndsWith("/secretReference", StringComparison.Ordinal))
        {
            return Diagnostic.Error(
                $"{Capital(path)} {Show(node)} is not a secret reference.",
                "Write \"<store>:<key>[#<property>][@<version>]\", for example \"ci:STRIPE_API_KEY\", or { store, key, property, version }.",
                at);
        }

        return Diagnostic.Error($"{Capital(path)} does not match any allowed form.", null, at);
    }

    // Inside 'then' and 'allOf' the evaluator's schema location does not lead back to the
    // schema text, so the names come from its message: Required properties ["root"] are not present.
    private static IEnumerable<string> RequiredInMessage(string message)
    {
        var match = JsonArrayInMessage().Match(message);

        try
        {
            return match.Success
                ? JsonNode.Parse(match.Value)!.AsArray().Select(n => n!.GetValue<string>()).ToList()
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    // Like RequiredInMessage, for: Value is "integer" but should be "string".
    private static string? TypeInMessage(string message)
    {
        var match = ExpectedTypeInMessage().Match(message);

        return match.Success ? match.Groups[1].Value : null;
    }

    private static List<string> MissingDependencies(JsonNode? schemaNode, JsonNode? node)
    {
        var present = (node as JsonObject)?.Select(p => p.Key).ToHashSet() ?? [];
        var rules = schemaNode?["dependentRequired"] as JsonObject;

        return rules is null
            ? []
            : rules.Where(r => present.Contains(r.Key))
                .SelectMany(r => r.Value!.AsArray().Select(n => n!.GetValue<string>()))
                .Where(k => !present.Contains(k))
                .Distinct()
                .ToList();
    }

    private static string? AllowedKeysHint(string schemaPointer)
    {
        // The schema holding additionalProperties: false lists the keys that are allowed.
        var owner = schemaPointer.EndsWith("/additionalProperties", StringComparison.Ordinal)
            ? schemaPointer[..^"/additionalProperties".Length]
            : schemaPointer;
        var properties = Resolve(owner)?["properties"] as JsonObject;

        return properties is null
            ? "Remove it; check its spelling and indentation."
            : $"Allowed here: {string.Join(", ", properties.Select(p => p.Key))}. Check the spelling and indentation.";
    }

    private static bool IsWithin(string instance, string owner) =>
        instance == owner || instance.StartsWith(owner + "/", StringComparison.Ordinal);

    private static string Fragment(Uri schemaLocation)
    {
        var fragment = Uri.UnescapeDataString(schemaLocation.Fragment);

        return fragment.StartsWith('#') ? fragment[1..] : fragment;
    }

    private static JsonNode? Resolve(string pointer) => Navigate(SchemaTree.Value, pointer);

    private static JsonNode? Navigate(JsonNode? root, string pointer)
    {
        var node = root;

        foreach (var raw in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node switch
            {
                JsonObject o => o[segment],
                JsonArray a when int.TryParse(segment, out var i) && i < a.Count => a[i],
                _ => null,
            };
        }

        return node;
    }

    private static string LastSegment(string pointer)
    {
        var raw = pointer[(pointer.LastIndexOf('/') + 1)..];

        return raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
    }

    /// <summary>Turns "/externalCredentials/Stripe/principals" into "externalCredentials.Stripe.principals".</summary>
    internal static string DisplayPath(string pointer, string root = "the file")
    {
        if (pointer.Length == 0)
        {
            return root;
        }

        var parts = pointer.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))
            .Select(s => int.TryParse(s, out _) ? $"[{s}]" : (SimpleSegment().IsMatch(s) ? "." + s : $"['{s}']"));

        return "'" + string.Concat(parts).TrimStart('.') + "'";
    }

    private static string Show(JsonNode? node) => node is null ? "null" : node.ToJsonString();

    private static string Quote(IEnumerable<string> names) =>
        string.Join(", ", names.Select(n => $"'{n}'"));

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static string Article(string type) =>
        type is "array" or "object" or "integer" ? $"an {type}" : $"a {type}";

    private static string LoadSchemaText()
    {
        using var stream = typeof(SchemaValidator).Assembly.GetManifestResourceStream("credsync.schema.json")
            ?? throw new InvalidOperationException("The JSON Schema is not embedded in CredSync.Core.");
        using var reader = new StreamReader(stream);

        return reader.ReadToEnd();
    }

    [GeneratedRegex("should be \"([a-z]+)\"")]
    private static partial Regex ExpectedTypeInMessage();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex JsonArrayInMessage();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex SimpleSegment();

    private sealed record Finding(
        string Instance,
        string SchemaPointer,
        string EvaluationPath,
        IReadOnlyDictionary<string, string> Errors);

    private sealed record Choice(string Instance, string Def);
}
