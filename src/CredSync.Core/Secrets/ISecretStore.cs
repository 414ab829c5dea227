using CredSync.Core.Model;

namespace CredSync.Core.Secrets;

/// <summary>A place secret values are read from.</summary>
public interface ISecretStore
{
    string Name { get; }

    /// <summary>
    /// Reads one value. A missing key or property throws <see cref="SecretNotFoundException"/>
    /// whose message names the reference but never holds any part of a value.
    /// </summary>
    Task<SecretValue> GetAsync(SecretReference reference, CancellationToken cancellationToken);
}
