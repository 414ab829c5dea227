using CredSync.Core.Model;
using CredSync.Core.Secrets;

namespace CredSync.Secrets;

/// <summary>
/// Reads values from files under a root folder: the whole content with one trailing newline
/// dropped, or with <c>#property</c> a field of the file read as JSON, YAML or dotenv by its
/// extension. Keys cannot climb out of the root.
/// </summary>
public sealed class FileSecretStore(string name, string root, TimeSpan? readTimeout = null) : ISecretStore
{
    private const long MaxBytes = 1024 * 1024;

    private readonly TimeSpan _readTimeout = readTimeout ?? TimeSpan.FromSeconds(10);

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
            throw new SecretNotFoundException(
                File.Exists(fullRoot) ? $"The store's root '{root}' is a file, not a folder."
                : !Directory.Exists(fullRoot) ? $"The store's root folder '{root}' does not exist."
                : Directory.Exists(path) ? $"'{reference.Key}' under '{root}' is a folder, not a file."
                : $"There is no file '{reference.Key}' under '{root}'.");
        }

        RefuseLinks(inside, path, reference);

        if (new FileInfo(path).Length > MaxBytes)
        {
            throw new SecretNotFoundException($"'{reference.Key}' under '{root}' is larger than {MaxBytes / 1024} KiB; a secret file holds one value or one small document.");
        }

        var text = await ReadAsync(path, reference, cancellationToken);

        if (reference.Property is null)
        {
            return new SecretValue(text.EndsWith("\r\n", StringComparison.Ordinal) ? text[..^2]
                : text.EndsWith('\n') ? text[..^1] : text);
        }

        return StructuredSecret.Property(text, reference.Property, StructuredSecret.FormatOf(path), $"file '{reference.Key}'");
    }

    /// <summary>
    /// Reads with a time limit: opening a named pipe (FIFO) blocks until something writes to
    /// it, and .NET cannot tell a pipe from a file beforehand. The blocked read is left on a
    /// background thread, which does not keep the process alive.
    /// </summary>
    private async Task<string> ReadAsync(string path, SecretReference reference, CancellationToken cancellationToken)
    {
        try
        {
            return await Task.Run(() => File.ReadAllText(path), CancellationToken.None).WaitAsync(_readTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new SecretNotFoundException($"'{reference.Key}' under '{root}' could not be read within {_readTimeout.TotalSeconds:0} s; is it a pipe or a device rather than a file?");
        }
    }

    /// <summary>
    /// A symbolic link below the root could point anywhere on the machine, which the "no
    /// climbing out" rule exists to prevent; links are therefore not followed.
    /// </summary>
    private void RefuseLinks(string inside, string path, SecretReference reference)
    {
        var current = inside.TrimEnd(Path.DirectorySeparatorChar);

        foreach (var part in path[inside.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);

            if (new FileInfo(current).LinkTarget is not null)
            {
                throw new SecretNotFoundException(
                    $"Key '{reference.Key}' goes through the symbolic link '{Path.GetRelativePath(inside, current)}' under '{root}'; the file store does not follow links.");
            }
        }
    }
}
