using CredSync.Core.Diagnostics;
using CredSync.Core.Loading;
using CredSync.Core.Tests.Support;

namespace CredSync.Core.Tests.Loading;

public sealed class DesiredStateLoaderTests
{
    private const string Minimal = "version: 1\nstores:\n  local: { type: file, root: ./secrets }\n";

    [Fact]
    public void Load_FileInAFolder_ResolvesStoreRootAndLedgerFromThatFolder()
    {
        using var temp = new TempFolder();
        var path = temp.Write("conf/credsync.yaml", Minimal);

        var state = DesiredStateLoader.Load(path);

        Assert.Equal(Path.Combine(temp.Path, "conf", "secrets"), state.Stores.Single().Settings["root"]);
        Assert.Equal(Path.Combine(temp.Path, "conf", ".credsync", "ledger.json"), state.Ledger.Path);
    }

    [Fact]
    public void Load_DisplayPath_UsedInDiagnostics()
    {
        using var temp = new TempFolder();
        var path = temp.Write("credsync.yaml", "version: 1\nbogus: 1\n");

        var e = Assert.Throws<InvalidInputException>(() => DesiredStateLoader.Load(path, "shown.yaml"));

        Assert.Equal(new SourceLocation("shown.yaml", 2, 1), Assert.Single(e.Diagnostics).Location);
    }

    [Fact]
    public void Load_MissingFile_SaysSo()
    {
        using var temp = new TempFolder();

        var e = Assert.Throws<InvalidInputException>(() => DesiredStateLoader.Load(temp.File("nope.yaml")));

        Assert.Contains("does not exist", Assert.Single(e.Diagnostics).Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NotUtf8_SaysSo()
    {
        using var temp = new TempFolder();
        var path = temp.File("credsync.yaml");
        File.WriteAllBytes(path, [.. "version: 1\nx: "u8, 0xFF, 0xFE, (byte)'\n']);

        var e = Assert.Throws<InvalidInputException>(() => DesiredStateLoader.Load(path));

        Assert.Contains("is not UTF-8 text", Assert.Single(e.Diagnostics).Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ByteOrderMark_Accepted()
    {
        using var temp = new TempFolder();
        var path = temp.File("credsync.yaml");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. "version: 1\n"u8]);

        var state = DesiredStateLoader.Load(path);

        Assert.Empty(state.ExternalCredentials);
    }

    [Fact]
    public void Load_DigestFollowsTheBytes()
    {
        using var temp = new TempFolder();
        var path = temp.Write("credsync.yaml", Minimal);
        var before = DesiredStateLoader.Load(path).Digest;

        temp.Write("credsync.yaml", Minimal + "# a comment\n");
        var after = DesiredStateLoader.Load(path).Digest;

        Assert.Equal(before, DesiredStateLoader.Parse("x", Minimal).Digest);
        Assert.NotEqual(before, after);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("- a\n- b\n")]
    [InlineData("just text\n")]
    public void Parse_EmptyOrNotAMapping_Refused(string yaml)
    {
        var e = Assert.Throws<InvalidInputException>(() => DesiredStateLoader.Parse("f.yaml", yaml));

        Assert.Equal("The configuration is empty or not a mapping.", Assert.Single(e.Diagnostics).Summary);
    }

    [Fact]
    public void Parse_SchemaErrors_StopBeforeModelChecks()
    {
        // The undeclared store would be a binder error; the schema error comes alone.
        var yaml = "version: 1\nbogus: 1\nexternalCredentials:\n  E:\n    principals:\n      P:\n" +
            "        credentials:\n          k: { secret: \"x:y\" }\n";

        var e = Assert.Throws<InvalidInputException>(() => DesiredStateLoader.Parse("f.yaml", yaml));

        Assert.Contains("Unknown key 'bogus'", Assert.Single(e.Diagnostics).Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SingleError_IsTheExceptionMessage()
    {
        var e = Assert.Throws<InvalidInputException>(() => DesiredStateLoader.Parse("f.yaml",
            "version: 1\nbogus: 1\n"));

        Assert.StartsWith("f.yaml:2:1: error: Unknown key 'bogus'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("59.0", "59.0", 0)]
    [InlineData("100.0", "99.0", 1)]
    [InlineData("58.0", "59.0", -1)]
    public void CompareVersions_TwoVersions_ComparedNumerically(string a, string b, int expected)
    {
        Assert.Equal(expected, Math.Sign(DesiredStateLoader.CompareVersions(a, b)));
    }
}
