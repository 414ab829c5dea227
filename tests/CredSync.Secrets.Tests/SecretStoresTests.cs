using CredSync.Core.Loading;
using CredSync.Core.Model;

namespace CredSync.Secrets.Tests;

public sealed class SecretStoresTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Create_DeclaredStores_OneStorePerDeclaration()
    {
        var state = Load("version: 1\nstores:\n  ci: { type: env }\n  local: { type: file, root: ./s }\n");

        var stores = SecretStores.Create(state.Stores, _ => null);

        Assert.IsType<EnvSecretStore>(stores["ci"]);
        Assert.IsType<FileSecretStore>(stores["local"]);
        Assert.Equal(["ci", "local"], stores.Values.Select(s => s.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Create_EnvStoreWithLookup_ReadsThroughIt()
    {
        var state = Load("version: 1\nstores:\n  ci: { type: env }\n");
        var stores = SecretStores.Create(state.Stores, name => name == "K" ? "from-lookup" : null);

        var value = await stores["ci"].GetAsync(new SecretReference("ci", "K"), CancellationToken.None);

        Assert.Equal("from-lookup", value.Reveal());
    }

    [Fact]
    public async Task Create_FileStoreRootWithTrailingSlash_ReadsKeys()
    {
        _temp.Write("secrets/key", "v\n");
        var state = Load("version: 1\nstores:\n  local: { type: file, root: ./secrets/ }\n");
        var stores = SecretStores.Create(state.Stores);

        var value = await stores["local"].GetAsync(new SecretReference("local", "key"), CancellationToken.None);

        Assert.Equal("v", value.Reveal());
    }

    private DesiredState Load(string yaml) =>
        DesiredStateLoader.Parse("credsync.yaml", yaml, baseDirectory: _temp.Path);
}
