namespace CredSync.Import.Reading;

/// <summary>
/// Finds external credential, named credential and permission set files in an sfdx or mdapi
/// tree, in any number of package folders.
/// </summary>
internal static class MetadataFileFinder
{
    // Longest suffix first: "X.externalCredential-meta.xml" must not be read as mdapi-style.
    private static readonly (string Suffix, MetadataKind Kind)[] Suffixes =
    [
        (".externalCredential-meta.xml", MetadataKind.ExternalCredential),
        (".namedCredential-meta.xml", MetadataKind.NamedCredential),
        (".permissionset-meta.xml", MetadataKind.PermissionSet),
        (".externalCredential", MetadataKind.ExternalCredential),
        (".namedCredential", MetadataKind.NamedCredential),
        (".permissionset", MetadataKind.PermissionSet),
    ];

    public static IReadOnlyList<MetadataFile> Find(
        string sourceDirectory,
        DiagnosticBag diagnostics)
    {
        var root = Path.GetFullPath(sourceDirectory);
        var found = new List<MetadataFile>();

        Walk(root, root, sourceDirectory, found, diagnostics);

        return found
            .OrderBy(f => f.RelativePath, StringComparer.Ordinal)
            .ToList();
    }

    public static (MetadataKind Kind, string DeveloperName)? Classify(string fileName)
    {
        foreach (var (suffix, kind) in Suffixes)
        {
            if (fileName.Length > suffix.Length
                && fileName.EndsWith(suffix, StringComparison.Ordinal))
            {
                return (kind, fileName[..^suffix.Length]);
            }
        }

        return null;
    }

    private static void Walk(
        string root,
        string directory,
        string displayRoot,
        List<MetadataFile> found,
        DiagnosticBag diagnostics)
    {
        string[] files;
        string[] subdirectories;
        try
        {
            files = Directory.GetFiles(directory);
            subdirectories = Directory.GetDirectories(directory);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            var shown = Path.Combine(displayRoot, Path.GetRelativePath(root, directory));
            diagnostics.Warning(
                SourceLocation.WholeFile(shown),
                $"folder could not be read and was skipped: {e.Message}");

            return;
        }

        foreach (var file in files)
        {
            if (Classify(Path.GetFileName(file)) is not { } match)
            {
                continue;
            }

            var relative = Path.GetRelativePath(root, file);
            found.Add(new MetadataFile(
                file,
                Path.Combine(displayRoot, relative),
                relative.Replace(Path.DirectorySeparatorChar, '/'),
                match.Kind,
                match.DeveloperName));
        }

        foreach (var subdirectory in subdirectories)
        {
            if (!IsSkipped(subdirectory))
            {
                Walk(root, subdirectory, displayRoot, found, diagnostics);
            }
        }
    }

    // Tool state (.sf, .sfdx, .git) and node_modules hold copies and caches, not the project's
    // own source; a symbolic link could loop or pull in a second copy of the same tree.
    private static bool IsSkipped(string directory)
    {
        var name = Path.GetFileName(directory);

        return name.StartsWith('.')
            || name == "node_modules"
            || new DirectoryInfo(directory).LinkTarget is not null;
    }
}
