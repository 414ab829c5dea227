using CredSync.Import.Reading;

namespace CredSync.Import.Model;

/// <summary>A named credential read from one metadata file.</summary>
internal sealed record NamedCredentialDefinition(
    MetadataFile File,
    SourceLocation Location,
    string? Label,
    string? Description,
    string? Type,
    SourceLocation TypeLocation,
    string? CalloutStatus,
    bool? GenerateAuthorizationHeader,
    bool? AllowMergeFieldsInHeader,
    bool? AllowMergeFieldsInBody,
    IReadOnlyList<NamedCredentialParameter> Parameters,
    IReadOnlyList<LegacyField> LegacyFields,
    string? LegacyProtocol,
    string? LegacyPrincipalType)
{
    public string Name => File.DeveloperName;
}
