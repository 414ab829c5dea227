using CredSync.Core.Model;
using CredSync.Core.Secrets;

namespace CredSync.Secrets;

/// <summary>
/// Reads values from files under a root folder: the whole content with one trailing newline
/// dropped, or with <c>#property</c> a field of the file read as JSON, YAML or dotenv by its
/// extension. Keys cannot climb out of the root.
/// </summary>
public sealed class FileSecretStore(string name, string root) : ISecretStore
{
    public string Name => name;

    public async Task<SecretValue> GetAsync(SecretReference reference, CancellationToken cancellationToken)
    {
        if (reference.Version is not null)
        {
            throw new SecretNotFoundException($"Store '{name}' (file) has no versions; remove '@{reference.Version}' from '{reference}'.");
        }

        var fullRoot = Path.GetFullPath(root);
        var path = Path.GetFullPath(Path.Combine(fullRoot, reference.Key));

        // A root written with a trailing separator ("./secrets/") keeps it through GetFullPath.
        var inside = Path.EndsInDirectorySeparator(fullRoot) ? fullRoot : fullRoot + Path.DirectorySeparatorChar;

        if (!path.StartsWith(inside, StringComparison.Ordinal))
        {
            throw new SecretNotFoundException($"Key '{reference.Key}' points outside the store's root '{root}'.");
        }

        if (!File.Exists(path))
        {
            throw new SecretNotFoundException(Directory.Exists(fullRoot)
                ? $"There is no file '{reference.Key}' under '{root}'."
                : $"The store's root folder '{root}' does not exist.");
        }

        var text = await File.ReadAllTextAsync(path, cancellationToken);

        if (reference.Property is null)
        {
            return new SecretValue(text.EndsWith("\r\n", StringComparison.Ordinal) ? text[..^2]
                : text.EndsWith('\n') ? text[..^1] : text);
        }

        return StructuredSecret.Property(text, reference.Property, StructuredSecret.FormatOf(path), $"file '{reference.Key}'");
    }
}
