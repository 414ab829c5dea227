using CredSync.Core.Model;
using CredSync.Core.Secrets;

namespace CredSync.Secrets;

/// <summary>Builds the stores a configuration declares.</summary>
public static class SecretStores
{
    public static IReadOnlyDictionary<string, ISecretStore> Create(IEnumerable<StoreSpec> specs) =>
        specs.ToDictionary(s => s.Name, Create, StringComparer.Ordinal);

    public static ISecretStore Create(StoreSpec spec) => spec.Type switch
    {
        "env" => new EnvSecretStore(spec.Name),
        "file" => new FileSecretStore(spec.Name, spec.Settings["root"]),
        _ => throw new InvalidOperationException($"Store type '{spec.Type}' passed validation but has no implementation."),
    };
}
