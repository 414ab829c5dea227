using CredSync.Core.Model;
using CredSync.Core.Secrets;

namespace CredSync.Secrets.Tests;

public sealed class FileSecretStoreTests : IDisposable
{
    private const string Canary = "CANARY-file-0d9a7c";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Root => _temp.File("secrets");

    private FileSecretStore CreateSut(string? root = null) => new("local", root ?? Root);

    private Task<SecretValue> Get(FileSecretStore sut, string key, string? property = null, string? version = null) =>
        sut.GetAsync(new SecretReference("local", key, property, version), CancellationToken.None);

    [Theory]
    [InlineData("value", "value")]
    [InlineData("value\n", "value")]
    [InlineData("value\n\n", "value\n")]
    [InlineData("value\r\n", "value")]
    [InlineData("line1\nline2\n", "line1\nline2")]
    [InlineData("  padded  \n", "  padded  ")]
    [InlineData("", "")]
    public async Task GetAsync_WholeFile_DropsOneTrailingNewline(string content, string expected)
    {
        _temp.Write("secrets/key", content);
        var sut = CreateSut();

        var value = await Get(sut, "key");

        Assert.Equal(expected, value.Reveal());
    }

    [Fact]
    public async Task GetAsync_KeyInSubfolder_Read()
    {
        _temp.Write("secrets/payments/stripe/api_key", "sk\n");
        var sut = CreateSut();

        var value = await Get(sut, "payments/stripe/api_key");

        Assert.Equal("sk", value.Reveal());
    }

    [Fact]
    public async Task GetAsync_RootWithTrailingSeparator_StillReadsKeys()
    {
        _temp.Write("secrets/key", "v\n");
        var sut = CreateSut(Root + Path.DirectorySeparatorChar);

        var value = await Get(sut, "key");

        Assert.Equal("v", value.Reveal());
    }

    [Theory]
    [InlineData("partner.json", "{\"client_id\": \"abc\", \"client_secret\": \"CANARY-file-0d9a7c\", \"n\": 3}")]
    [InlineData("partner.yaml", "client_id: abc\nclient_secret: \"CANARY-file-0d9a7c\"\n")]
    [InlineData("partner.yml", "client_id: 'abc'\nclient_secret: CANARY-file-0d9a7c\n")]
    [InlineData("partner.env", "# comment\nclient_id=abc\nclient_secret=\"CANARY-file-0d9a7c\"\n")]
    [InlineData(".env.production", "client_id = abc\r\nclient_secret=CANARY-file-0d9a7c\r\n")]
    public async Task GetAsync_Property_ReadByExtension(string file, string content)
    {
        _temp.Write("secrets/" + file, content);
        var sut = CreateSut();

        var id = await Get(sut, file, "client_id");
        var secret = await Get(sut, file, "client_secret");

        Assert.Equal("abc", id.Reveal());
        Assert.Equal(Canary, secret.Reveal());
    }

    [Fact]
    public async Task GetAsync_JsonExtensionButYamlContent_ReadAsJsonAndRefused()
    {
        _temp.Write("secrets/p.json", "client_id: abc\n");
        var sut = CreateSut();

        var e = await Assert.ThrowsAsync<SecretNotFoundException>(() => Get(sut, "p.json", "client_id"));

        Assert.Equal("The file 'p.json' is not valid JSON, so property 'client_id' cannot be read.", e.Message);
    }

    [Fact]
    public async Task GetAsync_MissingProperty_NamesFileAndProperty()
    {
        _temp.Write("secrets/p.yaml", "client_secret: " + Canary + "\n");
        var sut = CreateSut();

        var e = await Assert.ThrowsAsync<SecretNotFoundException>(() => Get(sut, "p.yaml", "client_id"));

        Assert.Equal("The file 'p.yaml' has no property 'client_id'.", e.Message);
    }

    [Fact]
    public async Task GetAsync_MissingFile_NamesKeyAndRoot()
    {
        Directory.CreateDirectory(Root);
        var sut = CreateSut();

        var e = await Assert.ThrowsAsync<SecretNotFoundException>(() => Get(sut, "nope"));

        Assert.Equal($"There is no file 'nope' under '{Root}'.", e.Message);
    }

    [Fact]
    public async Task GetAsync_KeyIsAFolder_NoFile()
    {
        Directory.CreateDirectory(Path.Combine(Root, "dir"));
        var sut = CreateSut();

        var e = await Assert.ThrowsAsync<SecretNotFoundException>(() => Get(sut, "dir"));

        Assert.Contains("'dir' under", e.Message, StringComparison.Ordinal);
        Assert.Contains("is a folder, not a file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_MissingRoot_SaysTheRootIsMissing()
    {
        var sut = CreateSut();

        var e = await Assert.ThrowsAsync<SecretNotFoundException>(() => Get(sut, "key"));

        Assert.Equal($"The store's root folder '{Root}' does not exist.", e.Message);
    }

    [Theory]
    [InlineData("../outside")]
    [InlineData("sub/../../outside")]
    [InlineData("/etc/hostname")]
    public async Task GetAsync_KeyLeavingTheRoot_Refused(string key)
    {
        _temp.Write("outside", Canary);
        Directory.CreateDirectory(Path.Combine(Root, "sub"));
        var sut = CreateSut();

        var e = await Assert.ThrowsAsync<SecretNotFoundException>(() => Get(sut, key));

        Assert.Equal($"Key '{key}' points outside the store's root '{Root}'.", e.Message);
    }

    [Fact]
    public async Task GetAsync_SiblingFolderWithRootAsPrefix_Refused()
    {
        _temp.Write("secrets-other/key", Canary);
        Directory.CreateDirectory(Root);
        var sut = CreateSut();

        await Assert.ThrowsAsync<SecretNotFoundException>(() => Get(sut, "../secrets-other/key"));
    }

    [Fact]
    public async Task GetAsync_Version_Refused()
    {
        _temp.Write("secrets/key", Canary);
        var sut = CreateSut();

        var e = await Assert.ThrowsAsync<SecretNotFoundException>(() => Get(sut, "key", version: "3"));

        Assert.Equal("Store 'local' (file) has no versions; remove '@3' from 'local:key@3'.", e.Message);
    }

    [Theory]
    [InlineData("p.json", "{\"client_secret\": \"CANARY-file-0d9a7c\"")]
    [InlineData("p.json", "[\"CANARY-file-0d9a7c\",")]
    [InlineData("p.yaml", "client_secret: 'CANARY-file-0d9a7c\n")]
    [InlineData("p.yaml", "client_secret: [CANARY-file-0d9a7c, x\nother: 1\n")]
    [InlineData("p.yaml", "client_secret: {CANARY-file-0d9a7c\n")]
    [InlineData("p.yaml", "client_secret: CANARY-file-0d9a7c\nclient_secret: again\n")]
    [InlineData("p.yaml", "client_secret: *CANARY-file-0d9a7c\n")]
    [InlineData("p.yaml", "a: 1\n  client_secret: CANARY-file-0d9a7c: x\n")]
    public async Task GetAsync_MalformedDocument_RefusedWithoutAnyPartOfIt(string file, string content)
    {
        _temp.Write("secrets/" + file, content);
        var sut = CreateSut();

        var e = await Assert.ThrowsAsync<SecretNotFoundException>(() => Get(sut, file, "client_secret"));

        Assert.Contains($"The file '{file}' is not valid", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("CANARY", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("0d9a7c", e.Message, StringComparison.Ordinal);
    }
}
