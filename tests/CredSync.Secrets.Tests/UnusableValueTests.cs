using CredSync.Core.Diagnostics;
using CredSync.Core.Loading;
using CredSync.Core.Model;
using CredSync.Core.Secrets;

namespace CredSync.Secrets.Tests;

/// <summary>Values that would do harm if written are refused before any change.</summary>
public sealed class UnusableValueTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task ResolveAsync_EmptyEnvironmentValue_IsRefused(string value)
    {
        var state = Load("""ApiKey: { secret: "ci:API_KEY" }""");
        var stores = Stores(new EnvSecretStore("ci", name => name == "API_KEY" ? value : null));

        var e = await Assert.ThrowsAsync<InvalidInputException>(() => SecretResolver.ResolveAsync(state, stores, CancellationToken.None));

        Assert.Contains("empty value", Assert.Single(e.Diagnostics).Detail);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    public async Task ResolveAsync_EmptyFile_IsRefused(string content)
    {
        _temp.Write("secrets/k", content);
        var state = Load("""ApiKey: { secret: "f:k" }""");

        var e = await Assert.ThrowsAsync<InvalidInputException>(() => SecretResolver.ResolveAsync(state, FileStores(), CancellationToken.None));

        Assert.Contains("empty value", Assert.Single(e.Diagnostics).Detail);
    }

    [Theory]
    [InlineData("sops-age__secret.enc.json", "secret.enc.json#secret")]
    [InlineData("sops-age__secret.enc.json", "secret.enc.json")]
    [InlineData("sops-nix__secrets.yaml", "secrets.yaml#test_key")]
    [InlineData("sops-age__secret.enc.env", "secret.enc.env#secret")]
    public async Task ResolveAsync_SopsEncryptedFile_IsRefusedNotSentAsTheSecret(string fixture, string key)
    {
        var target = key.Split('#')[0];
        Directory.CreateDirectory(_temp.File("secrets"));
        File.Copy(Path.Combine(RepositoryPaths.SopsFixtures, fixture), _temp.File("secrets/" + target));
        var state = Load($$"""ApiKey: { secret: "f:{{key}}" }""");

        var e = await Assert.ThrowsAsync<InvalidInputException>(() => SecretResolver.ResolveAsync(state, FileStores(), CancellationToken.None));

        Assert.Contains("sops ciphertext", Assert.Single(e.Diagnostics).Detail);
        Assert.DoesNotContain("ENC[AES256_GCM,data:", e.Diagnostics[0].ToString());
    }

    [Theory]
    [InlineData("doc.json", "{\"c\": null}", "doc.json#c", "no property")]
    [InlineData("doc.yaml", "b: ~\n", "doc.yaml#b", "no property")]
    [InlineData("zw", "\u200b", "zw", "empty value")]
    [InlineData("age.txt", "-----BEGIN AGE ENCRYPTED FILE-----\nYWdl\n-----END AGE ENCRYPTED FILE-----\n", "age.txt", "age or PGP")]
    [InlineData("pgp.asc", "-----BEGIN PGP MESSAGE-----\nhQEM\n-----END PGP MESSAGE-----\n", "pgp.asc", "age or PGP")]
    public async Task ResolveAsync_NullInvisibleOrEncryptedValue_IsRefused(string file, string content, string key, string message)
    {
        _temp.Write("secrets/" + file, content);
        var state = Load($$"""ApiKey: { secret: "f:{{key}}" }""");

        var e = await Assert.ThrowsAsync<InvalidInputException>(() => SecretResolver.ResolveAsync(state, FileStores(), CancellationToken.None));

        Assert.Contains(message, Assert.Single(e.Diagnostics).Detail);
    }

    [Fact]
    public async Task GetAsync_SymbolicLinkOutOfTheRoot_IsRefused()
    {
        _temp.Write("outside/real", "secret-outside-the-root");
        _temp.Write("secrets/placeholder", "x");
        File.CreateSymbolicLink(_temp.File("secrets/link"), _temp.File("outside/real"));
        Directory.CreateSymbolicLink(_temp.File("secrets/dirlink"), _temp.File("outside"));
        var sut = new FileSecretStore("f", _temp.File("secrets"));

        var file = await Assert.ThrowsAsync<SecretNotFoundException>(() => sut.GetAsync(new SecretReference("f", "link"), CancellationToken.None));
        var folder = await Assert.ThrowsAsync<SecretNotFoundException>(() => sut.GetAsync(new SecretReference("f", "dirlink/real"), CancellationToken.None));

        Assert.Contains("symbolic link 'link'", file.Message);
        Assert.Contains("symbolic link 'dirlink'", folder.Message);
        Assert.DoesNotContain("secret-outside", file.Message + folder.Message);
    }

    [Fact]
    public async Task GetAsync_NamedPipe_GivesUpInsteadOfHanging()
    {
        _temp.Write("secrets/placeholder", "x");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", _temp.File("secrets/pipe")))
        {
            await mkfifo.WaitForExitAsync();
        }

        var sut = new FileSecretStore("f", _temp.File("secrets"), TimeSpan.FromMilliseconds(200));

        var e = await Assert.ThrowsAsync<SecretNotFoundException>(() => sut.GetAsync(new SecretReference("f", "pipe"), CancellationToken.None));

        Assert.Contains("is it a pipe", e.Message);
    }

    [Fact]
    public async Task GetAsync_FileOverOneMebibyte_IsRefused()
    {
        _temp.Write("secrets/huge", new string('x', 1024 * 1024 + 1));
        var sut = new FileSecretStore("f", _temp.File("secrets"));

        var e = await Assert.ThrowsAsync<SecretNotFoundException>(() => sut.GetAsync(new SecretReference("f", "huge"), CancellationToken.None));

        Assert.Contains("larger than 1024 KiB", e.Message);
    }

    [Fact]
    public async Task GetAsync_KeyIsAFolderOrRootIsAFile_SaysSo()
    {
        _temp.Write("secrets/dir/inner", "x");
        _temp.Write("afile", "x");

        var folder = await Assert.ThrowsAsync<SecretNotFoundException>(() =>
            new FileSecretStore("f", _temp.File("secrets")).GetAsync(new SecretReference("f", "dir"), CancellationToken.None));
        var root = await Assert.ThrowsAsync<SecretNotFoundException>(() =>
            new FileSecretStore("f", _temp.File("afile")).GetAsync(new SecretReference("f", "k"), CancellationToken.None));

        Assert.Contains("is a folder, not a file", folder.Message);
        Assert.Contains("is a file, not a folder", root.Message);
    }

    private DesiredState Load(string credential) =>
        DesiredStateLoader.Parse(_temp.File("credsync.yaml"), $$"""
            version: 1
            stores:
              ci: { type: env }
              f: { type: file, root: ./secrets }
            externalCredentials:
              E:
                principals:
                  P:
                    credentials:
                      {{credential}}
            """, baseDirectory: _temp.Path);

    private Dictionary<string, ISecretStore> FileStores() =>
        Stores(new FileSecretStore("f", _temp.File("secrets")));

    private static Dictionary<string, ISecretStore> Stores(params ISecretStore[] stores) =>
        stores.ToDictionary(s => s.Name);
}
