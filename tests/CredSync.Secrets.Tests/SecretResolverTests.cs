using CredSync.Core.Diagnostics;
using CredSync.Core.Loading;
using CredSync.Core.Model;
using CredSync.Core.Secrets;

namespace CredSync.Secrets.Tests;

public sealed class SecretResolverTests : IDisposable
{
    private const string Canary = "CANARY-resolver-61f0aa";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ResolveAsync_ReferenceUsedTwice_FetchedOnce()
    {
        var state = Load("""
            version: 1
            stores:
              ci: { type: env }
            externalCredentials:
              A:
                principals:
                  P:
                    credentials:
                      one: { secret: "ci:SHARED" }
                      two: { secret: "ci:OTHER" }
              B:
                principals:
                  Q:
                    credentials:
                      three: { secret: "ci:SHARED" }
                      four: { secret: { store: ci, key: SHARED } }
            """);
        var store = new CountingStore("ci", new() { ["SHARED"] = "s", ["OTHER"] = "o" });

        var resolved = await SecretResolver.ResolveAsync(state, Stores(store), CancellationToken.None);

        Assert.Equal(2, resolved.Count);
        Assert.Equal(1, store.Fetches["SHARED"]);
        Assert.Equal(1, store.Fetches["OTHER"]);
        Assert.Equal("s", resolved.Get(new SecretReference("ci", "SHARED")).Reveal());
    }

    [Fact]
    public async Task ResolveAsync_SeveralMissing_AllReportedAtOnceWithWhereUsed()
    {
        var state = Load("""
            version: 1
            stores:
              ci: { type: env }
            externalCredentials:
              A:
                principals:
                  P:
                    credentials:
                      one: { secret: "ci:MISSING_ONE" }
                      two: { secret: "ci:PRESENT" }
                      three: { secret: "ci:MISSING_TWO" }
            """);
        var store = new CountingStore("ci", new() { ["PRESENT"] = Canary });

        var e = await Assert.ThrowsAsync<InvalidInputException>(() => SecretResolver.ResolveAsync(state,
            Stores(store), CancellationToken.None));

        Assert.Equal(2, e.Diagnostics.Count);
        Assert.Equal("Secret 'ci:MISSING_ONE' for 'externalCredential.A.principal.P.one' cannot be resolved.",
            e.Diagnostics[0].Summary);
        Assert.Equal("Environment variable 'MISSING_ONE' is not set. Nothing was changed.", e.Diagnostics[0].Detail);
        Assert.Equal(new SourceLocation("credsync.yaml", 9, 26), e.Diagnostics[0].Location);
        Assert.Equal("Secret 'ci:MISSING_TWO' for 'externalCredential.A.principal.P.three' cannot be resolved.",
            e.Diagnostics[1].Summary);
        Assert.Equal(11, e.Diagnostics[1].Location!.Line);
        Assert.Equal("2 problems in the input.", e.Message);
    }

    [Fact]
    public async Task ResolveAsync_SameMissingReferenceUsedTwice_FetchedOnceReportedPerUse()
    {
        var state = Load("""
            version: 1
            stores:
              ci: { type: env }
            externalCredentials:
              A:
                principals:
                  P:
                    credentials:
                      one: { secret: "ci:GONE" }
                      two: { secret: "ci:GONE" }
            """);
        var store = new CountingStore("ci", []);

        var e = await Assert.ThrowsAsync<InvalidInputException>(() => SecretResolver.ResolveAsync(state,
            Stores(store), CancellationToken.None));

        Assert.Equal(["externalCredential.A.principal.P.one", "externalCredential.A.principal.P.two"],
            e.Diagnostics.Select(d => d.Summary.Split('\'')[3]));
        Assert.Equal(1, store.Fetches["GONE"]);
    }

    [Fact]
    public async Task ResolveAsync_LedgerKeyReference_ResolvedToo()
    {
        var state = Load("version: 1\nstores:\n  ci: { type: env }\nledger:\n  key: \"ci:LEDGER_KEY\"\n");
        var store = new CountingStore("ci", new() { ["LEDGER_KEY"] = "k" });

        var resolved = await SecretResolver.ResolveAsync(state, Stores(store), CancellationToken.None);

        Assert.Equal("k", resolved.Get(new SecretReference("ci", "LEDGER_KEY")).Reveal());
    }

    [Fact]
    public async Task ResolveAsync_MalformedFiles_EveryProblemReportedWithoutAnyPartOfTheValues()
    {
        _temp.Write("secrets/a.json", "{\"token\": \"" + Canary + "\"");
        _temp.Write("secrets/b.yaml", "token: [" + Canary + ", x\nother: 1\n");
        _temp.Write("secrets/c.yaml", "token: '" + Canary + "\n");
        _temp.Write("secrets/d.env", "token=" + Canary + "\n");
        var state = Load("""
            version: 1
            stores:
              local: { type: file, root: ./secrets }
            externalCredentials:
              A:
                principals:
                  P:
                    credentials:
                      a: { secret: "local:a.json#token" }
                      b: { secret: "local:b.yaml#token" }
                      c: { secret: "local:c.yaml#token" }
                      d: { secret: "local:d.env#missing" }
                      e: { secret: "local:e.txt" }
            """);

        var e = await Assert.ThrowsAsync<InvalidInputException>(() =>
            SecretResolver.ResolveAsync(state, SecretStores.Create(state.Stores), CancellationToken.None));

        Assert.Equal(5, e.Diagnostics.Count);
        var all = e.Message + string.Concat(e.Diagnostics.Select(d => d.ToString()));
        Assert.DoesNotContain("CANARY", all, StringComparison.Ordinal);
        Assert.DoesNotContain("61f0aa", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolveAsync_StoreThrowsIOException_ReportedAsUnreadable()
    {
        var state = Load(
            "version: 1\nstores:\n  ci: { type: env }\nexternalCredentials:\n  A:\n    principals:\n      P:\n" +
            "        credentials:\n          k: { secret: \"ci:X\" }\n");
        var store = new CountingStore("ci", [], new IOException("disk on fire " + Canary));

        var e = await Assert.ThrowsAsync<InvalidInputException>(() => SecretResolver.ResolveAsync(state,
            Stores(store), CancellationToken.None));

        var d = Assert.Single(e.Diagnostics);
        Assert.Equal("The store could not be read (IOException). Nothing was changed.", d.Detail);
        Assert.DoesNotContain(Canary, d.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolveAsync_NoReferences_Empty()
    {
        var state = Load("version: 1\n");

        var resolved = await SecretResolver.ResolveAsync(state, new Dictionary<string, ISecretStore>(),
            CancellationToken.None);

        Assert.Equal(0, resolved.Count);
    }

    private DesiredState Load(string yaml) =>
        DesiredStateLoader.Parse("credsync.yaml", yaml, baseDirectory: _temp.Path);

    private static Dictionary<string, ISecretStore> Stores(params ISecretStore[] stores) =>
        stores.ToDictionary(s => s.Name, StringComparer.Ordinal);

    /// <summary>An in-memory store that counts how often each key is fetched.</summary>
    private sealed class CountingStore(string name, Dictionary<string, string> values,
        Exception? failure = null) : ISecretStore
    {
        public string Name => name;

        public Dictionary<string, int> Fetches { get; } = [];

        public Task<SecretValue> GetAsync(SecretReference reference, CancellationToken cancellationToken)
        {
            Fetches[reference.Key] = Fetches.GetValueOrDefault(reference.Key) + 1;

            if (failure is not null)
            {
                throw failure;
            }

            return values.TryGetValue(reference.Key, out var value)
                ? Task.FromResult(new SecretValue(value))
                : throw new SecretNotFoundException($"Environment variable '{reference.Key}' is not set.");
        }
    }
}
