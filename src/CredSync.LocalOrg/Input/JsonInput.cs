using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace CredSync.LocalOrg;

/// <summary>
/// A JSON object from a request body, read field by field. Every complaint names the field by
/// its path (<c>principals[0].principalName</c>) and never repeats a value, because a value may be
/// a secret.
/// </summary>
internal sealed class JsonInput
{
    private const int MaxDepth = 16;

    private readonly JsonElement _element;

    private JsonInput(JsonElement element, string path)
    {
        _element = element;
        Path = path;
    }

    public string Path { get; }

    public static async Task<JsonInput> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        if (buffer.Length == 0)
        {
            throw ApiException.JsonParser("The request body is empty; a JSON object is required.");
        }

        return Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }

    public static JsonInput Parse(ReadOnlyMemory<byte> utf8)
    {
        var options = new JsonDocumentOptions { MaxDepth = MaxDepth, AllowDuplicateProperties = false };
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, options);
        }
        catch (JsonException e)
        {
            // The parser's own message can quote the offending text, which may be a secret.
            var line = (e.LineNumber ?? 0) + 1;
            var position = (e.BytePositionInLine ?? 0) + 1;
            throw ApiException.JsonParser(
                $"The request body is not valid JSON (line {line}, position {position}).");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw ApiException.JsonParser("The request body must be a JSON object.");
            }

            return new JsonInput(document.RootElement.Clone(), "");
        }
    }

    /// <summary>Refuses fields outside the input type's documented ones.</summary>
    public void Expect(params ReadOnlySpan<string> fields)
    {
        foreach (var property in _element.EnumerateObject())
        {
            if (!fields.Contains(property.Name))
            {
                throw ApiException.JsonParser($"Unrecognized field \"{FieldPath(property.Name)}\".");
            }
        }
    }

    public bool Has(string name)
    {
        return _element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;
    }

    public string? String(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw WrongType(name, "a string");
    }

    public string RequiredString(string name)
    {
        var value = String(name);

        return string.IsNullOrWhiteSpace(value) ? throw Missing(name) : value;
    }

    /// <summary>A string from a fixed set of values; the error lists the set.</summary>
    public string? Choice(string name, IReadOnlyList<string> allowed)
    {
        var value = String(name);
        if (value is null || allowed.Contains(value))
        {
            return value;
        }

        throw ApiException.InvalidInput(
            $"The value '{value}' of field '{FieldPath(name)}' is not one of " +
            $"{string.Join(", ", allowed)}.");
    }

    public string RequiredChoice(string name, IReadOnlyList<string> allowed)
    {
        return Choice(name, allowed) ?? throw Missing(name);
    }

    public bool? Bool(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw WrongType(name, "true or false"),
        };
    }

    public bool RequiredBool(string name)
    {
        return Bool(name) ?? throw Missing(name);
    }

    public int? Int(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw WrongType(name, "a whole number");
    }

    public int RequiredInt(string name)
    {
        return Int(name) ?? throw Missing(name);
    }

    public JsonInput? Object(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Object
            ? new JsonInput(value, FieldPath(name))
            : throw WrongType(name, "an object");
    }

    public JsonInput RequiredObject(string name)
    {
        return Object(name) ?? throw Missing(name);
    }

    /// <summary>An array of objects; an absent array is empty.</summary>
    public IReadOnlyList<JsonInput> Array(string name)
    {
        if (!TryGet(name, out var value))
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw WrongType(name, "an array");
        }

        var items = new List<JsonInput>();
        foreach (var item in value.EnumerateArray())
        {
            var path = $"{FieldPath(name)}[{items.Count}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw ApiException.JsonParser(
                    $"Each item of '{FieldPath(name)}' must be an object; '{path}' is not.");
            }

            items.Add(new JsonInput(item, path));
        }

        return items;
    }

    /// <summary>The entries of a map-shaped object whose values are objects.</summary>
    public IReadOnlyList<KeyValuePair<string, JsonInput>> Entries()
    {
        var entries = new List<KeyValuePair<string, JsonInput>>();
        foreach (var property in _element.EnumerateObject())
        {
            var path = FieldPath(property.Name);
            if (property.Value.ValueKind != JsonValueKind.Object)
            {
                throw ApiException.JsonParser($"The field '{path}' must be an object.");
            }

            entries.Add(new(property.Name, new JsonInput(property.Value, path)));
        }

        return entries;
    }

    public string FieldPath(string name)
    {
        return Path.Length == 0 ? name : $"{Path}.{name}";
    }

    public ApiException Missing(string name)
    {
        return ApiException.InvalidInput($"The field '{FieldPath(name)}' is required.");
    }

    private bool TryGet(string name, out JsonElement value)
    {
        // Salesforce reads an explicit null as "not given".
        return _element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;
    }

    private ApiException WrongType(string name, string expected)
    {
        return ApiException.JsonParser($"The field '{FieldPath(name)}' must be {expected}.");
    }
}
