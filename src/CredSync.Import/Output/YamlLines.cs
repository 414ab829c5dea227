using System.Text;

namespace CredSync.Import.Output;

/// <summary>
/// Builds YAML text line by line, two spaces per level. Structure is written here; scalars
/// come from <see cref="YamlScalar"/>, so nothing user-supplied is ever written unescaped.
/// </summary>
internal sealed class YamlLines
{
    private readonly List<string> _lines = [];

    public void Add(int level, string text, string? comment = null)
    {
        var line = Indent(level) + text;
        if (comment is not null)
        {
            line += "  # " + OneLine(comment);
        }

        _lines.Add(line);
    }

    public void Comment(int level, string text) => _lines.Add(Indent(level) + "# " + OneLine(text));

    public void Blank() => _lines.Add("");

    /// <summary>Appends another block turned into comments, at the given level.</summary>
    public void AddCommentedOut(int level, YamlLines block)
    {
        foreach (var line in block._lines)
        {
            _lines.Add(Indent(level) + "# " + line);
        }
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var line in _lines)
        {
            text.Append(line.TrimEnd()).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// A flow mapping such as <c>{ name: X, value: "Y" }</c> from written scalars.
    /// </summary>
    public static string FlowMapping(params IEnumerable<(string Key, string Value)> entries) =>
        "{ " + string.Join(", ", entries.Select(e => $"{e.Key}: {e.Value}")) + " }";

    private static string Indent(int level) => new(' ', level * 2);

    // A line break inside a comment would end it and let the rest be read as YAML.
    private static string OneLine(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c));
}
