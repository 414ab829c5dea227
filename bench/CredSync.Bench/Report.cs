using System.Text;

namespace CredSync.Bench;

/// <summary>Collects markdown tables, prints each as it is made, and saves them all at the end.</summary>
public static class Report
{
    private static readonly StringBuilder All = new();

    public static void Heading(string text) => Write($"\n### {text}\n");

    public static void Line(string text) => Write(text);

    /// <summary>
    /// A table; the first column is left-aligned, the others right-aligned unless <paramref name="left"/>.
    /// </summary>
    public static void Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, bool left = false)
    {
        var text = new StringBuilder();
        text.Append("| ").AppendJoin(" | ", header).AppendLine(" |");
        text.Append('|').AppendJoin('|', header.Select((_, i) => i == 0 || left ? "---" : "---:")).AppendLine("|");

        foreach (var row in rows)
        {
            text.Append("| ").AppendJoin(" | ", row).AppendLine(" |");
        }

        Write(text.ToString());
    }

    /// <summary>Writes everything reported so far to a file and returns its path.</summary>
    public static string Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, All.ToString());

        return Path.GetFullPath(path);
    }

    private static void Write(string text)
    {
        Console.WriteLine(text);
        All.AppendLine(text);
    }
}
