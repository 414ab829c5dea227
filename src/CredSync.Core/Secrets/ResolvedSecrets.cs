using CredSync.Core.Model;

namespace CredSync.Core.Secrets;

/// <summary>The values of every secret reference in a run, each fetched once.</summary>
public sealed class ResolvedSecrets(IReadOnlyDictionary<SecretReference, SecretValue> values)
{
    public static ResolvedSecrets Empty { get; } = new(new Dictionary<SecretReference, SecretValue>());

    public int Count => values.Count;

    public SecretValue Get(SecretReference reference) =>
        values.TryGetValue(reference, out var value)
            ? value
            : throw new InvalidOperationException($"Secret reference '{reference}' was not resolved before use.");

    /// <summary>The value a declared credential sends: its literal, or its resolved secret.</summary>
    public string ValueOf(CredentialSpec credential) => credential.Source switch
    {
        CredentialSource.Literal => credential.Literal!,
        CredentialSource.Secret => Get(credential.Secret!).Reveal(),
        _ => throw new InvalidOperationException($"Credential '{credential.Key}' is runtime-managed and has no value to send."),
    };
}
