namespace CredSync.Cli.Views;

/// <summary>ANSI colour for terminals; plain text when colour is off (NO_COLOR, --no-color, or not a terminal).</summary>
public sealed class Style(bool color)
{
    public static Style Plain { get; } = new(false);

    public string Green(string text) => Paint("32", text);

    public string Yellow(string text) => Paint("33", text);

    public string Red(string text) => Paint("31", text);

    public string Bold(string text) => Paint("1", text);

    public string Dim(string text) => Paint("2", text);

    private string Paint(string code, string text) => color ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
