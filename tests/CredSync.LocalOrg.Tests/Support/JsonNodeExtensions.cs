using System.Text.Json.Nodes;

namespace CredSync.LocalOrg.Tests;

/// <summary>Short reads of JSON values, failing when the value is missing.</summary>
internal static class JsonNodeExtensions
{
    public static string Text(this JsonNode? node)
    {
        return Required(node).GetValue<string>();
    }

    public static int Int(this JsonNode? node)
    {
        return Required(node).GetValue<int>();
    }

    public static long Long(this JsonNode? node)
    {
        return Required(node).GetValue<long>();
    }

    public static bool Bool(this JsonNode? node)
    {
        return Required(node).GetValue<bool>();
    }

    /// <summary>The property names of an object, in order.</summary>
    public static IEnumerable<string> Keys(this JsonNode? node)
    {
        return Required(node).AsObject().Select(e => e.Key);
    }

    public static JsonArray Items(this JsonNode? node)
    {
        return Required(node).AsArray();
    }

    private static JsonNode Required(JsonNode? node)
    {
        return node ?? throw new InvalidOperationException("The JSON value is missing or null.");
    }
}
