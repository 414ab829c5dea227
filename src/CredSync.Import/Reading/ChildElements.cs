using System.Xml.Linq;

namespace CredSync.Import.Reading;

/// <summary>
/// The child elements of one element, grouped by name after the vocabulary check.
/// </summary>
internal sealed class ChildElements
{
    private static readonly IReadOnlyList<XElement> None = [];

    private readonly Dictionary<string, List<XElement>> _byName;

    private ChildElements(Dictionary<string, List<XElement>> byName)
    {
        _byName = byName;
    }

    /// <summary>
    /// Groups the children of <paramref name="parent"/>, in any order, and reports each child the
    /// vocabulary does not know and each single-valued child that appears twice.
    /// </summary>
    public static ChildElements Read(
        XElement parent,
        ElementVocabulary vocabulary,
        ParseContext context)
    {
        var byName = new Dictionary<string, List<XElement>>(StringComparer.Ordinal);

        foreach (var child in parent.Elements())
        {
            var name = child.Name.LocalName;
            if (!MetadataXml.IsMetadataNamespace(child.Name) || !vocabulary.Knows(name))
            {
                context.Error(
                    child,
                    $"unknown element <{name}> in <{vocabulary.Parent}>; CredSync cannot tell "
                    + "what it means, so it does not guess (check the spelling, or whether "
                    + "this Metadata API version added it)");

                continue;
            }

            if (!byName.TryGetValue(name, out var list))
            {
                list = [];
                byName.Add(name, list);
            }

            if (list.Count > 0 && vocabulary.Single.Contains(name))
            {
                context.Error(
                    child,
                    $"<{name}> appears more than once in <{vocabulary.Parent}>; "
                    + $"the first is on line {context.At(list[0]).Line}");

                continue;
            }

            list.Add(child);
        }

        return new ChildElements(byName);
    }

    public XElement? Single(string name) =>
        _byName.TryGetValue(name, out var list) ? list[0] : null;

    public IReadOnlyList<XElement> All(string name) =>
        _byName.TryGetValue(name, out var list) ? list : None;

    public IEnumerable<string> Names => _byName.Keys;
}
