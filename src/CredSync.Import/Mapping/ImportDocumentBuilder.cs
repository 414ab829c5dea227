using CredSync.Import.Model;
using CredSync.Import.Output;
using CredSync.Import.Reading;

namespace CredSync.Import.Mapping;

/// <summary>Maps everything read from the metadata to the content of credsync.yaml.</summary>
internal static class ImportDocumentBuilder
{
    public static ImportDocument Build(
        MetadataCatalog catalog,
        ImportOptions options,
        SourceLocation folder,
        DiagnosticBag diagnostics)
    {
        var store = options.EnvStoreName;
        if (!NameRules.IsStoreName(store))
        {
            diagnostics.Error(
                folder,
                $"store name '{store}' is not valid: a letter, then letters, digits, "
                + "underscores and hyphens");
        }

        // External credentials
        var references = new SecretReferences(store, diagnostics);
        var externalCredentialMapper = new ExternalCredentialMapper(
            catalog,
            options.ValuesOnly,
            diagnostics,
            references);

        var externalCredentials = catalog.ExternalCredentials
            .OrderBy(ec => ec.Name, StringComparer.Ordinal)
            .Select(externalCredentialMapper.Map)
            .OfType<ExternalCredentialEntry>()
            .ToList();

        if (options.ValuesOnly)
        {
            diagnostics.Info(
                folder,
                $"values-only: {catalog.NamedCredentials.Count} named credential(s) and "
                + $"{catalog.PermissionSets.Count} permission set(s) are left to the metadata "
                + "deploy and not written");

            return new ImportDocument(store, [], externalCredentials, null, null);
        }

        // Named credentials
        var namedCredentialMapper = new NamedCredentialMapper(catalog, diagnostics);
        foreach (var namedCredential in catalog.NamedCredentials)
        {
            namedCredentialMapper.Map(namedCredential);
        }

        // Permission sets
        var permissionSets = new PermissionSetMapper(catalog, diagnostics).Map();

        return new ImportDocument(
            store,
            [.. namedCredentialMapper.LegacyNotes.OrderBy(n => n.Name, StringComparer.Ordinal)],
            externalCredentials,
            [.. namedCredentialMapper.Entries.OrderBy(e => e.Name, StringComparer.Ordinal)],
            permissionSets);
    }
}
