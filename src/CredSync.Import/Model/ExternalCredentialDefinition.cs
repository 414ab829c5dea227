using CredSync.Import.Reading;

namespace CredSync.Import.Model;

/// <summary>An external credential read from one metadata file.</summary>
internal sealed record ExternalCredentialDefinition(
    MetadataFile File,
    SourceLocation Location,
    string? Label,
    string? Description,
    string? Protocol,
    SourceLocation ProtocolLocation,
    IReadOnlyList<ExternalCredentialParameter> Parameters)
{
    public string Name => File.DeveloperName;
}
