namespace CredSync.LocalOrg;

/// <summary>A parsed and checked Named Credential Input body.</summary>
internal sealed record NamedCredentialInput(
    string? DeveloperName,
    string MasterLabel,
    string Type,
    string CalloutUrl,
    string? CalloutStatus,
    string? Description,
    bool AllowMergeFieldsInBody,
    bool AllowMergeFieldsInHeader,
    bool GenerateAuthorizationHeader,
    string ExternalCredential,
    string? NetworkConnection,
    IReadOnlyList<HeaderInput> Headers,
    IReadOnlyList<ParameterInput> Parameters);
