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
            diagnostics.Error(
                new SourceLocation(file.DisplayPath, e.LineNumber, e.LinePosition),
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
