using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CredSync.Core.Diagnostics;
using CredSync.Core.Loading;

namespace CredSync.Core.Tests.Loading;

public sealed class YamlReaderTests
{
    private const string File = "f.yaml";

    [Fact]
    public void Read_Anchor_RefusedAtItsPosition()
    {
        var e = Assert.Throws<InvalidInputException>(() => YamlReader.Read(File, "a: 1\nb: &x 2\nc: *x\n"));

        var d = Assert.Single(e.Diagnostics);
        Assert.Contains("Anchors and aliases", d.Summary, StringComparison.Ordinal);
        Assert.Equal(new SourceLocation(File, 2, 4), d.Location);
    }

    [Fact]
    public void Read_AliasWithoutAnchorInFile_RefusedAtItsPosition()
    {
        // The parser rejects an undefined alias itself; either way it must be a positioned error.
        var e = Assert.Throws<InvalidInputException>(() => YamlReader.Read(File, "a: 1\nb: *nowhere\n"));

        var d = Assert.Single(e.Diagnostics);
        Assert.Equal(2, d.Location!.Line);
    }

    [Fact]
    public void Read_MergeKey_RefusedAtTheKey()
    {
        var e = Assert.Throws<InvalidInputException>(() => YamlReader.Read(File, "a:\n  x: 1\n  <<: { y: 2 }\n"));

        var d = Assert.Single(e.Diagnostics);
        Assert.Contains("Merge keys", d.Summary, StringComparison.Ordinal);
        Assert.Equal(new SourceLocation(File, 3, 3), d.Location);
    }

    [Fact]
    public void Read_BillionLaughs_RefusedAtTheFirstAnchorWithoutExpanding()
    {
        // Nine levels of ten aliases each: walked, this would be 10^9 nodes.
        var text = new StringBuilder(
            "a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");

        for (var i = 1; i <= 9; i++)
        {
            var p = "*a" + (i - 1);
            text.Append($"a{i}: &a{i} [{string.Join(",", Enumerable.Repeat(p, 10))}]\n");
        }

        var e = Assert.Throws<InvalidInputException>(() => YamlReader.Read(File, text.ToString()));

        var d = Assert.Single(e.Diagnostics);
        Assert.Contains("Anchors and aliases", d.Summary, StringComparison.Ordinal);
        Assert.Equal(1, d.Location!.Line);
    }

    [Fact]
    public void Read_DuplicateKey_RefusedAtTheSecondNamingTheFirst()
    {
        var e = Assert.Throws<InvalidInputException>(() => YamlReader.Read(File,
            "top:\n  name: a\n  other: b\n  name: c\n"));

        var d = Assert.Single(e.Diagnostics);
        Assert.Contains("'name' appears twice", d.Summary, StringComparison.Ordinal);
        Assert.Contains("line 2", d.Detail, StringComparison.Ordinal);
        Assert.Equal(new SourceLocation(File, 4, 3), d.Location);
    }

    [Fact]
    public void Read_SameKeyInDifferentMappings_Accepted()
    {
        var sut = YamlReader.Read(File, "a:\n  name: 1\nb:\n  name: 2\n");

        Assert.Equal(2, sut.Root!["b"]!["name"]!.GetValue<long>());
    }

    [Fact]
    public void Read_TwoDocuments_RefusedAtTheSecond()
    {
        var e = Assert.Throws<InvalidInputException>(() => YamlReader.Read(File, "a: 1\n---\nb: 2\n"));

        var d = Assert.Single(e.Diagnostics);
        Assert.Contains("more than one YAML document", d.Summary, StringComparison.Ordinal);
        Assert.Equal(2, d.Location!.Line);
    }

    [Fact]
    public void Read_UnclosedFlowSequence_ReportsAPosition()
    {
        var e = Assert.Throws<InvalidInputException>(() => YamlReader.Read(File, "a: [1, 2\nb: 3\n"));

        var d = Assert.Single(e.Diagnostics);
        Assert.Equal("The file is not valid YAML.", d.Summary);
        Assert.NotNull(d.Location);
        Assert.Equal(File, d.Location.File);
        Assert.InRange(d.Location.Line, 1, 2);
    }

    [Fact]
    public void Read_BadIndentation_ReportsTheParserPosition()
    {
        var e = Assert.Throws<InvalidInputException>(() => YamlReader.Read(File, "a: 1\n b: 2\nc: 3\n"));

        var d = Assert.Single(e.Diagnostics);
        Assert.Equal("The file is not valid YAML.", d.Summary);
        Assert.Equal(2, d.Location!.Line);
        Assert.DoesNotContain("Line:", d.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"true\"", JsonValueKind.String, "true")]
    [InlineData("'false'", JsonValueKind.String, "false")]
    [InlineData("\"1\"", JsonValueKind.String, "1")]
    [InlineData("'null'", JsonValueKind.String, "null")]
    [InlineData("true", JsonValueKind.True, "true")]
    [InlineData("True", JsonValueKind.True, "true")]
    [InlineData("FALSE", JsonValueKind.False, "false")]
    [InlineData("yes", JsonValueKind.String, "yes")]
    [InlineData("no", JsonValueKind.String, "no")]
    [InlineData("on", JsonValueKind.String, "on")]
    [InlineData("42", JsonValueKind.Number, "42")]
    [InlineData("-7", JsonValueKind.Number, "-7")]
    [InlineData("66.0", JsonValueKind.Number, "66")]
    [InlineData("1e3", JsonValueKind.Number, "1000")]
    [InlineData("1.2.3", JsonValueKind.String, "1.2.3")]
    [InlineData("acct_123", JsonValueKind.String, "acct_123")]
    public void Read_Scalar_TypedByYaml12CoreSchema(string scalar, JsonValueKind kind, string expected)
    {
        var sut = YamlReader.Read(File, "v: " + scalar + "\n");

        var node = sut.Root!["v"]!;
        Assert.Equal(kind, node.GetValueKind());
        Assert.Equal(expected, kind == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString());
    }

    [Theory]
    [InlineData("~")]
    [InlineData("null")]
    [InlineData("NULL")]
    [InlineData("")]
    public void Read_NullScalar_IsJsonNull(string scalar)
    {
        var sut = YamlReader.Read(File, "v: " + scalar + "\n");

        Assert.True(((JsonObject)sut.Root!).ContainsKey("v"));
        Assert.Null(sut.Root!["v"]);
    }

    [Fact]
    public void Read_BlockScalar_StaysAString()
    {
        var sut = YamlReader.Read(File, "v: |\n  true\n");

        Assert.Equal("true\n", sut.Root!["v"]!.GetValue<string>());
    }

    [Fact]
    public void Read_Nodes_KeepValueAndKeyPositions()
    {
        var sut = YamlReader.Read(File, "top:\n  list:\n    - one\n    - { name: two }\n");

        Assert.Equal(new SourceLocation(File, 3, 7), sut.LocationOf("/top/list/0"));
        Assert.Equal(new SourceLocation(File, 4, 15), sut.LocationOf("/top/list/1/name"));
        Assert.Equal(new SourceLocation(File, 2, 3), sut.KeyLocationOf("/top/list"));
        Assert.Equal(new SourceLocation(File, 4, 15), sut.LocationOf("/top/list/1/name/missing"));
    }

    [Fact]
    public void Read_KeyWithSlash_EscapedInPointer()
    {
        var sut = YamlReader.Read(File, "a:\n  x/y: 1\n");

        Assert.Equal(new SourceLocation(File, 2, 3), sut.KeyLocationOf("/a/x~1y"));
    }

    [Fact]
    public void Read_EmptyText_HasNoRoot()
    {
        var sut = YamlReader.Read(File, "");

        Assert.Null(sut.Root);
    }

    [Fact]
    public void Read_ComplexKey_Refused()
    {
        var e = Assert.Throws<InvalidInputException>(() => YamlReader.Read(File, "? [a, b]\n: 1\n"));

        Assert.Contains("mapping key", Assert.Single(e.Diagnostics).Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DeepNesting_RefusedWithPosition()
    {
        var text = string.Concat(Enumerable.Repeat("[", 100)) + string.Concat(Enumerable.Repeat("]", 100));

        var e = Assert.Throws<InvalidInputException>(() => YamlReader.Read(File, text));

        var d = Assert.Single(e.Diagnostics);
        Assert.Contains("nests too deeply", d.Summary, StringComparison.Ordinal);
        Assert.Equal(1, d.Location!.Line);
    }
}
