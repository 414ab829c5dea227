namespace CredSync.Import.Model;

/// <summary>Everything read from the source folder, one definition per developer name.</summary>
internal sealed record MetadataCatalog(
    IReadOnlyList<ExternalCredentialDefinition> ExternalCredentials,
    IReadOnlyList<NamedCredentialDefinition> NamedCredentials,
    IReadOnlyList<PermissionSetDefinition> PermissionSets)
{
    public ExternalCredentialDefinition? FindExternalCredential(string name) =>
        ExternalCredentials.FirstOrDefault(ec => ec.Name == name);
}
