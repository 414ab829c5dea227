using System.Text.Json.Nodes;
using CredSync.Core.Diagnostics;

namespace CredSync.Core.Loading;

/// <summary>
/// A YAML file read into a JSON tree, with the position of every value and every mapping key
/// so that schema errors and model errors can point at the line a person wrote.
/// </summary>
public sealed class YamlDocument
{
    private readonly Dictionary<string, SourceLocation> _valueMarks;
    private readonly Dictionary<string, SourceLocation> _keyMarks;

    internal YamlDocument(
        string file,
        JsonNode? root,
        Dictionary<string, SourceLocation> valueMarks,
        Dictionary<string, SourceLocation> keyMarks)
    {
        File = file;
        Root = root;
        _valueMarks = valueMarks;
        _keyMarks = keyMarks;
    }

    public string File { get; }

    public JsonNode? Root { get; }

    /// <summary>Where the value at a JSON pointer starts; falls back to the nearest parent.</summary>
    public SourceLocation LocationOf(string pointer)
    {
        for (var p = pointer; ; p = Parent(p))
        {
            if (_valueMarks.TryGetValue(p, out var mark))
            {
                return mark;
            }

            if (p.Length == 0)
            {
                return new SourceLocation(File, 1, 1);
            }
        }
    }

    /// <summary>Where the key of the member at a JSON pointer was written, or its value's start.</summary>
    public SourceLocation KeyLocationOf(string pointer) =>
        _keyMarks.TryGetValue(pointer, out var mark) ? mark : LocationOf(pointer);

    internal static string Parent(string pointer)
    {
        var slash = pointer.LastIndexOf('/');

        return slash <= 0 ? "" : pointer[..slash];
    }

    internal static string Child(string pointer, string segment) =>
        pointer + "/" + segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    internal static string Child(string pointer, int index) => pointer + "/" + index;
}
