using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace CredSync.Import.Reading;

/// <summary>Reads values out of one metadata file and reports problems at their position.</summary>
internal sealed class ParseContext
{
    private readonly DiagnosticBag _diagnostics;

    public ParseContext(MetadataFile file, DiagnosticBag diagnostics)
    {
        File = file;
        _diagnostics = diagnostics;
    }

    public MetadataFile File { get; }

    /// <summary>
    /// Where an element starts. XML line info points at the element's name, one column after
    /// its <c>&lt;</c>; diagnostics point at the <c>&lt;</c> itself, where an editor shows the tag.
    /// </summary>
    public SourceLocation At(XObject node)
    {
        if (node is not IXmlLineInfo info || !info.HasLineInfo())
        {
            return File.WholeFile;
        }

        var column = node is XElement ? info.LinePosition - 1 : info.LinePosition;

        return new SourceLocation(File.DisplayPath, info.LineNumber, Math.Max(column, 1));
    }

    public void Error(XObject node, string message) => _diagnostics.Error(At(node), message);

    public ChildElements Children(XElement parent, ElementVocabulary vocabulary) =>
        ChildElements.Read(parent, vocabulary, this);

    /// <summary>The element's text, or null when the element is absent.</summary>
    public string? Text(XElement? element)
    {
        if (element is null)
        {
            return null;
        }

        if (element.HasElements)
        {
            Error(element, $"<{element.Name.LocalName}> must hold text, not elements");

            return null;
        }

        return element.Value;
    }

    /// <summary>The element's text, reporting it as missing when the element is absent.</summary>
    public string? RequiredText(ChildElements children, string name, XElement parent)
    {
        var element = children.Single(name);
        if (element is null)
        {
            Error(parent, $"<{parent.Name.LocalName}> has no <{name}>, which is required");

            return null;
        }

        var text = Text(element)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            Error(element, $"<{name}> is empty");

            return null;
        }

        return text;
    }

    /// <summary>An enum-like token: the trimmed text, or null when absent or empty.</summary>
    public string? Token(XElement? element)
    {
        var text = Text(element)?.Trim();

        return string.IsNullOrEmpty(text) ? null : text;
    }

    public bool? Boolean(XElement? element)
    {
        var text = Token(element);
        switch (text)
        {
            case null:
                return null;
            case "true" or "1":
                return true;
            case "false" or "0":
                return false;
        }

        Error(element!, $"<{element!.Name.LocalName}> must be true or false, not '{text}'");

        return null;
    }

    public int? Integer(XElement? element)
    {
        var text = Token(element);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Error(element!, $"<{element!.Name.LocalName}> must be a whole number, not '{text}'");

        return null;
    }
}
