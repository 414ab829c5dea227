using CredSync.Import.Model;

namespace CredSync.Import.Reading;

/// <summary>Parses every metadata file found and keeps one definition per developer name.</summary>
internal static class MetadataReader
{
    public static MetadataCatalog Read(IReadOnlyList<MetadataFile> files, DiagnosticBag diagnostics)
    {
        ReportDuplicates(files, diagnostics);

        var externalCredentials = new List<ExternalCredentialDefinition>();
        var namedCredentials = new List<NamedCredentialDefinition>();
        var permissionSets = new List<PermissionSetDefinition>();
        var seen = new HashSet<(MetadataKind, string)>();

        foreach (var file in files)
        {
            // A duplicate is still parsed, so that its own problems are reported too, but
            // only the first file of a name is imported.
            var isFirst = seen.Add((file.Kind, file.DeveloperName.ToUpperInvariant()));

            var root = MetadataXml.LoadRoot(file, diagnostics);
            if (root is null)
            {
                continue;
            }

            var context = new ParseContext(file, diagnostics);
            switch (file.Kind)
            {
                case MetadataKind.ExternalCredential:
                    var externalCredential = ExternalCredentialParser.Parse(root, context);
                    AddIf(isFirst, externalCredentials, externalCredential);
                    break;

                case MetadataKind.NamedCredential:
                    var namedCredential = NamedCredentialParser.Parse(root, context);
                    AddIf(isFirst, namedCredentials, namedCredential);
                    break;

                default:
                    var permissionSet = PermissionSetParser.Parse(root, context);
                    AddIf(isFirst, permissionSets, permissionSet);
                    break;
            }
        }

        return new MetadataCatalog(externalCredentials, namedCredentials, permissionSets);
    }

    // Developer names are unique in an org without regard to case, whichever package folder
    // a file lives in; two files of one name would overwrite each other on deploy.
    private static void ReportDuplicates(
        IReadOnlyList<MetadataFile> files,
        DiagnosticBag diagnostics)
    {
        var groups = files
            .GroupBy(f => (f.Kind, Name: f.DeveloperName.ToUpperInvariant()))
            .Where(g => g.Count() > 1);

        foreach (var group in groups)
        {
            var first = group.First();
            foreach (var duplicate in group.Skip(1))
            {
                diagnostics.Error(
                    duplicate.WholeFile,
                    $"{KindName(duplicate.Kind)} '{duplicate.DeveloperName}' is defined twice: "
                    + $"in {first.DisplayPath} and in {duplicate.DisplayPath}; keep one");
            }
        }
    }

    private static string KindName(MetadataKind kind) => kind switch
    {
        MetadataKind.ExternalCredential => "external credential",
        MetadataKind.NamedCredential => "named credential",
        _ => "permission set",
    };

    private static void AddIf<T>(bool condition, List<T> list, T item)
    {
        if (condition)
        {
            list.Add(item);
        }
    }
}
