using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace CredSync.Import.Reading;

/// <summary>Loads one metadata file as XML, keeping line information for diagnostics.</summary>
internal static partial class MetadataXml
{
    public const string Namespace = "http://soap.sforce.com/2006/04/metadata";

    public static XElement? LoadRoot(MetadataFile file, DiagnosticBag diagnostics)
    {
        // Metadata never needs a DTD; refusing one also shuts out entity-expansion tricks.
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
        };

        XDocument document;
        try
        {
            using var stream = File.OpenRead(file.FullPath);
            using var reader = XmlReader.Create(stream, settings);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            // The refusal of a DTD carries no position, so find the DOCTYPE itself.
            var (line, column) = e.LineNumber > 0
                ? (e.LineNumber, e.LinePosition)
                : FindDocumentType(file.FullPath);
            diagnostics.Error(
                new SourceLocation(file.DisplayPath, line, column),
                $"malformed XML: {WithoutPosition(e.Message)}");

            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(file.WholeFile, $"file could not be read: {e.Message}");

            return null;
        }

        var root = document.Root!;
        var expected = ExpectedRoot(file.Kind);
        if (root.Name.LocalName != expected || !IsMetadataNamespace(root.Name))
        {
            diagnostics.Error(
                new ParseContext(file, diagnostics).At(root),
                $"expected a <{expected}> root element in the metadata namespace, "
                + $"found <{root.Name.LocalName}>; the file suffix says it is a {expected}");

            return null;
        }

        return root;
    }

    public static bool IsMetadataNamespace(XName name) =>
        name.NamespaceName is Namespace or "";

    private static (int Line, int Column) FindDocumentType(string path)
    {
        var line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            var column = text.IndexOf("<!DOCTYPE", StringComparison.OrdinalIgnoreCase);
            if (column >= 0)
            {
                return (line, column + 1);
            }
        }

        return (0, 0);
    }

    private static string ExpectedRoot(MetadataKind kind) => kind switch
    {
        MetadataKind.ExternalCredential => "ExternalCredential",
        MetadataKind.NamedCredential => "NamedCredential",
        _ => "PermissionSet",
    };

    // The position is reported as line and column already; the message need not repeat it.
    private static string WithoutPosition(string message) =>
        TrailingPosition().Replace(message, "").TrimEnd();

    [GeneratedRegex(@"\s*Line \d+, position \d+\.\s*$")]
    private static partial Regex TrailingPosition();
}
