using CredSync.Core.Model;
using CredSync.Core.Secrets;

namespace CredSync.Secrets;

/// <summary>Reads values from environment variables; <c>#property</c> reads a field of a JSON, YAML or dotenv value.</summary>
public sealed class EnvSecretStore(string name, Func<string, string?>? getVariable = null) : ISecretStore
{
    private readonly Func<string, string?> _get = getVariable ?? Environment.GetEnvironmentVariable;

    public string Name => name;

    public Task<SecretValue> GetAsync(SecretReference reference, CancellationToken cancellationToken)
    {
        if (reference.Version is not null)
        {
            throw new SecretNotFoundException($"Store '{name}' (env) has no versions; remove '@{reference.Version}' from '{reference}'.");
        }

        var value = _get(reference.Key)
            ?? throw new SecretNotFoundException($"Environment variable '{reference.Key}' is not set.");

        if (reference.Property is null)
        {
            return Task.FromResult(new SecretValue(value));
        }

        return Task.FromResult(StructuredSecret.Property(value, reference.Property, StructuredSecret.Format.Guess, $"environment variable '{reference.Key}'"));
    }
}
