using CredSync.Import.Reading;

namespace CredSync.Import.Model;

/// <summary>One <c>externalCredentialParameters</c> entry, as written in the metadata.</summary>
internal sealed record ExternalCredentialParameter(
    SourceLocation Location,
    string Name,
    string Type,
    string? Group,
    string? Value,
    string? AuthProvider,
    string? Certificate,
    string? Description,
    int? SequenceNumber,
    string? PermissionSet,
    SourceLocation? PermissionSetLocation);
