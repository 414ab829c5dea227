using System.Text.Json.Nodes;
using CredSync.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CredSync.Core.Loading;

/// <summary>The recursive walk over parser events behind <see cref="YamlReader"/>.</summary>
internal sealed class ReadContext(
    string file,
    IParser parser,
    Dictionary<string, SourceLocation> valueMarks,
    Dictionary<string, SourceLocation> keyMarks)
{
    private const int MaxDepth = 64;

    public JsonNode? ReadNode(string pointer, ref SourceLocation lastGood, int depth = 0)
    {
        var current = parser.Current ?? throw new InvalidOperationException("unexpected end of input");
        var at = YamlReader.Mark(file, current.Start);

        if (depth > MaxDepth)
        {
            throw new InvalidInputException(Diagnostic.Error(
                "The file nests too deeply.", $"Nothing in credsync.yaml needs more than {MaxDepth} levels.", at));
        }

        RefuseAnchors(current, at);
        RefuseTags(current, at);
        valueMarks[pointer] = at;
        lastGood = at;

        switch (current)
        {
            case Scalar scalar:
                parser.MoveNext();
                return YamlReader.ScalarToJson(scalar);

            case SequenceStart:
                parser.MoveNext();
                return ReadSequence(pointer, ref lastGood, depth);

            case MappingStart:
                parser.MoveNext();
                return ReadMapping(pointer, ref lastGood, depth);

            default:
                throw new InvalidInputException(Diagnostic.Error(
                    "The file is not valid YAML.", $"Unexpected {current.GetType().Name} here.", at));
        }
    }

    private JsonArray ReadSequence(string pointer, ref SourceLocation lastGood, int depth)
    {
        var array = new JsonArray();

        while (!parser.TryConsume<SequenceEnd>(out _))
        {
            array.Add(ReadNode(Loading.YamlDocument.Child(pointer, array.Count), ref lastGood, depth + 1));
        }

        return array;
    }

    private JsonObject ReadMapping(string pointer, ref SourceLocation lastGood, int depth)
    {
        var obj = new JsonObject();

        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var keyEvent = parser.Current ?? throw new InvalidOperationException("unexpected end of input");
            var keyAt = YamlReader.Mark(file, keyEvent.Start);

            RefuseAnchors(keyEvent, keyAt);
            RefuseTags(keyEvent, keyAt);

            if (keyEvent is not Scalar keyScalar)
            {
                throw new InvalidInputException(Diagnostic.Error(
                    "A mapping key must be a plain string.",
                    "Complex keys (a list or a mapping used as a key) are not part of credsync.yaml.",
                    keyAt));
            }

            parser.MoveNext();

            var key = keyScalar.Value;
            var child = Loading.YamlDocument.Child(pointer, key);

            if (obj.ContainsKey(key))
            {
                throw new InvalidInputException(Diagnostic.Error(
                    $"The key '{key}' appears twice in the same mapping.",
                    $"It was first given at line {keyMarks[child].Line}; keep one of them.",
                    keyAt));
            }

            if (key == "<<")
            {
                throw new InvalidInputException(Diagnostic.Error(
                    "Merge keys ('<<') are not allowed.",
                    "Write the entries out in full; credsync.yaml refuses anchors, aliases and merges.",
                    keyAt));
            }

            keyMarks[child] = keyAt;
            lastGood = keyAt;
            obj[key] = ReadNode(child, ref lastGood, depth + 1);
        }

        return obj;
    }

    /// <summary>
    /// Tags ('!!str', '!vault') would change what a value means in ways the schema cannot see;
    /// credsync.yaml has no use for them.
    /// </summary>
    private static void RefuseTags(ParsingEvent e, SourceLocation at)
    {
        if (e is NodeEvent { Tag.IsEmpty: false } node && !(node is Scalar { Tag.Value: "!" }))
        {
            throw new InvalidInputException(Diagnostic.Error(
                $"YAML tags ('{node.Tag.Value}') are not allowed.",
                "Remove the tag; quote a value to make it a string.",
                at));
        }
    }

    private static void RefuseAnchors(ParsingEvent e, SourceLocation at)
    {
        var hasAnchor = e switch
        {
            AnchorAlias => true,
            NodeEvent node => !node.Anchor.IsEmpty,
            _ => false,
        };

        if (hasAnchor)
        {
            throw new InvalidInputException(Diagnostic.Error(
                "Anchors and aliases ('&name', '*name') are not allowed.",
                "Write each value out in full; aliases can hide what a reviewer approves and can expand without limit.",
                at));
        }
    }
}
