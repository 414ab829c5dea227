namespace CredSync.Import.Reading;

/// <summary>The metadata types the importer reads.</summary>
internal enum MetadataKind
{
    ExternalCredential,
    NamedCredential,
    PermissionSet,
}
