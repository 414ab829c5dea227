using CredSync.Core.Model;
using CredSync.Core.Secrets;

namespace CredSync.Secrets;

/// <summary>Builds the stores a configuration declares.</summary>
public static class SecretStores
{
    public static IReadOnlyDictionary<string, ISecretStore> Create(
        IEnumerable<StoreSpec> specs,
        Func<string, string?>? getVariable = null) =>
        specs.ToDictionary(s => s.Name, s => Create(s, getVariable), StringComparer.Ordinal);

    public static ISecretStore Create(StoreSpec spec, Func<string, string?>? getVariable = null) => spec.Type switch
    {
        "env" => new EnvSecretStore(spec.Name, getVariable),
        "file" => new FileSecretStore(spec.Name, spec.Settings["root"]),
        _ => throw new InvalidOperationException($"Store type '{spec.Type}' passed validation but has no implementation."),
    };
}
