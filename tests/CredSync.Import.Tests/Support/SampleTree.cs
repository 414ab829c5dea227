namespace CredSync.Import.Tests.Support;

/// <summary>Builds a temporary tree of sample files and imports it.</summary>
internal static class SampleTree
{
    public static ImportResult Import(
        IEnumerable<(string Path, string Content)> files,
        ImportOptions? options = null)
    {
        using var tree = new TempTree();
        foreach (var (path, content) in files)
        {
            tree.Write(path, content);
        }

        return new MetadataImporter().Import(tree.Root, options ?? new ImportOptions());
    }

    public static ImportResult ImportExternalCredential(string name, string xml) =>
        Import([(MetadataSamples.At(MetadataSamples.ExternalCredentialPath, name), xml)]);
}
