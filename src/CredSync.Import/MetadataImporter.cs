using CredSync.Import.Mapping;
using CredSync.Import.Model;
using CredSync.Import.Output;
using CredSync.Import.Reading;

namespace CredSync.Import;

/// <summary>
/// Writes a credsync.yaml from the external credentials, named credentials and permission sets
/// of an sfdx (or mdapi) source tree. Reads only local files; secret values are never in
/// metadata, so every credential is written as a reference for the user to point at a store.
/// </summary>
public sealed class MetadataImporter
{
    /// <summary>Imports every metadata file under <paramref name="sourceDirectory"/>.</summary>
    public ImportResult Import(string sourceDirectory, ImportOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourceDirectory);
        ArgumentNullException.ThrowIfNull(options);

        var diagnostics = new DiagnosticBag();
        var folder = SourceLocation.WholeFile(sourceDirectory);

        if (!Directory.Exists(sourceDirectory))
        {
            diagnostics.Error(folder, "no such folder");

            return new ImportResult(null, diagnostics.ToSortedList(), Empty(0));
        }

        // Find and read the files
        var files = MetadataFileFinder.Find(sourceDirectory, diagnostics);
        if (files.Count == 0)
        {
            diagnostics.Warning(
                folder,
                "no external credential, named credential or permission set files found "
                + "(*.externalCredential-meta.xml, *.namedCredential-meta.xml, "
                + "*.permissionset-meta.xml, or the same without -meta.xml)");
        }

        var catalog = MetadataReader.Read(files, diagnostics);

        // Map them to credsync.yaml
        var document = ImportDocumentBuilder.Build(catalog, options, folder, diagnostics);

        // Write it, unless something could not be imported as it is
        var yaml = diagnostics.HasErrors ? null : CredSyncYamlWriter.Write(document);

        return new ImportResult(yaml, diagnostics.ToSortedList(), Summarize(files, document));
    }

    private static ImportSummary Summarize(
        IReadOnlyList<MetadataFile> files,
        ImportDocument document)
    {
        var namedCredentials = document.NamedCredentials ?? [];
        var permissionSets = document.PermissionSets ?? [];

        var commentedOut = namedCredentials.Count(nc => nc.CommentedOutReason is not null)
            + permissionSets.Sum(ps => ps.Grants.Count(g => g.CommentedOutReason is not null));

        return new ImportSummary(
            files.Count,
            document.ExternalCredentials.Count,
            namedCredentials.Count(nc => nc.CommentedOutReason is null),
            permissionSets.Count(ps => !ps.IsCommentedOut),
            document.LegacyNamedCredentials.Count,
            commentedOut);
    }

    private static ImportSummary Empty(int filesRead) => new(filesRead, 0, 0, 0, 0, 0);
}
