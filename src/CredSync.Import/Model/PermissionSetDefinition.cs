using CredSync.Import.Reading;

namespace CredSync.Import.Model;

/// <summary>
/// The principal-access part of a permission set; the rest of the file is not read.
/// </summary>
internal sealed record PermissionSetDefinition(
    MetadataFile File,
    SourceLocation Location,
    IReadOnlyList<PrincipalAccess> Accesses)
{
    public string Name => File.DeveloperName;
}
