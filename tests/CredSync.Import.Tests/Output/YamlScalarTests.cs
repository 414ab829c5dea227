using CredSync.Import.Output;
using YamlDotNet.RepresentationModel;

namespace CredSync.Import.Tests.Output;

/// <summary>Every string the importer writes must read back as the same string.</summary>
public sealed class YamlScalarTests
{
    public static TheoryData<string> TrickyStrings() =>
    [
        "",
        " ",
        "true",
        "False",
        "yes",
        "off",
        "null",
        "~",
        "123",
        "997948882623",
        "0x1F",
        "1e3",
        ".inf",
        "2001-12-14",
        "-",
        "- item",
        "a: b",
        "a:",
        "key #comment",
        "#hash",
        "{!'Bearer ' & $Credential.OpenAI.ApiKey}",
        "Bearer {!$Credential.OpenAI.apiKey}",
        "{API_URL}",
        "[list]",
        "a, b",
        "'single'",
        "\"double\"",
        "back\\slash",
        "tab\there",
        "line\nbreak",
        "crlf\r\n",
        "trailing ",
        " leading",
        "https://api.box.com/2.0?x=1&y=2",
        "ci:OPENAI_SETUPAI_APIKEY",
        "&anchor",
        "*alias",
        "!tag",
        "|block",
        ">folded",
        "?key",
        "%directive",
        "@at",
        "`tick",
        "ünïcödé",
        "emoji 😀",
        "bell\a",
        "nul\0",
        "nel\u0085",
        "separator\u2028",
        "bom\uFEFF",
        "del\u007F",
        "---",
        "...",
    ];

    [Theory]
    [MemberData(nameof(TrickyStrings))]
    public void Block_AnyString_ReadsBackUnchanged(string value)
    {
        var yaml = $"key: {YamlScalar.Block(value)}\nnext: 1\n";

        Assert.Equal(value, ReadBack(yaml, m => m["key"]));
    }

    [Theory]
    [MemberData(nameof(TrickyStrings))]
    public void Flow_AnyString_ReadsBackUnchangedAsValueAndKey(string value)
    {
        var scalar = YamlScalar.Flow(value);
        var yaml = $"outer: {{ key: {scalar}, other: x }}\n{scalar}: 1\n";

        Assert.Equal(value, ReadBack(yaml, m => ((YamlMappingNode)m["outer"])["key"]));
        Assert.Contains(value, ReadKeys(yaml));
    }

    [Theory]
    [InlineData("Gearset Archive Viewer Principal")]
    [InlineData("web api refresh_token offline_access")]
    [InlineData("us-east-1")]
    [InlineData("GearsetArchiveViewer-Gearset Archive Viewer Principal")]
    public void Flow_SimpleText_StaysPlain(string value)
    {
        Assert.Equal(value, YamlScalar.Flow(value));
    }

    [Fact]
    public void Block_Url_StaysPlainButFlowQuotesIt()
    {
        Assert.Equal("https://api.box.com", YamlScalar.Block("https://api.box.com"));
        Assert.Equal("\"https://api.box.com\"", YamlScalar.Flow("https://api.box.com"));
    }

    private static string ReadBack(string yaml, Func<YamlMappingNode, YamlNode> select)
    {
        var root = Load(yaml);
        var node = Assert.IsType<YamlScalarNode>(select(root));

        return node.Value!;
    }

    private static List<string> ReadKeys(string yaml) =>
        Load(yaml).Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToList();

    private static YamlMappingNode Load(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));

        return Assert.IsType<YamlMappingNode>(stream.Documents[0].RootNode);
    }
}
