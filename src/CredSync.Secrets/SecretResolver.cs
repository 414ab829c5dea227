using CredSync.Core.Diagnostics;
using CredSync.Core.Model;
using CredSync.Core.Secrets;

namespace CredSync.Secrets;

/// <summary>
/// Fetches every secret reference of a configuration once, and reports every missing one at
/// once with where it is used, before anything is changed.
/// </summary>
public static class SecretResolver
{
    public static async Task<ResolvedSecrets> ResolveAsync(
        DesiredState state,
        IReadOnlyDictionary<string, ISecretStore> stores,
        CancellationToken cancellationToken)
    {
        var uses = state.SecretUses().ToList();

        if (state.Ledger.Key is { } ledgerKey)
        {
            uses.Add((ledgerKey, "ledger.key", state.Ledger.KeyLocation ?? new SourceLocation(state.SourcePath, 1, 1)));
        }

        var values = new Dictionary<SecretReference, SecretValue>();
        var failed = new Dictionary<SecretReference, string>();
        var diagnostics = new List<Diagnostic>();

        foreach (var (reference, usedAt, location) in uses)
        {
            if (values.ContainsKey(reference))
            {
                continue;
            }

            if (!failed.TryGetValue(reference, out var problem))
            {
                try
                {
                    var value = await stores[reference.Store].GetAsync(reference, cancellationToken);
                    values[reference] = Usable(value, usedAt == "ledger.key");
                    continue;
                }
                catch (SecretNotFoundException e)
                {
                    problem = failed[reference] = e.Message;
                }
                catch (IOException e)
                {
                    problem = failed[reference] = $"The store could not be read ({e.GetType().Name}).";
                }
                catch (UnauthorizedAccessException)
                {
                    problem = failed[reference] = "The store could not be read: permission denied.";
                }
            }

            diagnostics.Add(Diagnostic.Error(
                $"Secret '{reference}' for '{usedAt}' cannot be resolved.",
                problem + " Nothing was changed.",
                location));
        }

        if (diagnostics.Count > 0)
        {
            throw new InvalidInputException(diagnostics);
        }

        return new ResolvedSecrets(values);
    }

    /// <summary>
    /// Refuses values that would do harm if written: an empty one (a CI secret missing on a
    /// fork arrives as "") would wipe a working value, and sops ciphertext is not the secret.
    /// </summary>
    private static SecretValue Usable(SecretValue value, bool ledgerKey)
    {
        var text = value.Reveal();

        // Blank includes text made only of invisible format characters (zero-width space).
        if (text.All(c => char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format))
        {
            throw new SecretNotFoundException(ledgerKey
                ? "It resolved to an empty value; the ledger key must be a long random secret."
                : "It resolved to an empty value; writing it would wipe the value in the org. Set it, or remove the key from the file to have CredSync delete it.");
        }

        if (text.Contains("ENC[AES256_GCM,", StringComparison.Ordinal))
        {
            throw new SecretNotFoundException(
                "It holds sops ciphertext (ENC[AES256_GCM,...]), not a secret. Decrypt the file first (sops -d), or keep the value in another store; sops stores come in a later release.");
        }

        if (text.Contains("-----BEGIN AGE ENCRYPTED FILE-----", StringComparison.Ordinal) ||
            text.Contains("-----BEGIN PGP MESSAGE-----", StringComparison.Ordinal))
        {
            throw new SecretNotFoundException(
                "It holds an age or PGP encrypted message, not a secret. Decrypt it first, or keep the value in another store.");
        }

        return value;
    }
}
