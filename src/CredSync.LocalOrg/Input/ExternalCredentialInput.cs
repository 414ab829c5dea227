namespace CredSync.LocalOrg;

/// <summary>A parsed and checked External Credential Input body.</summary>
internal sealed record ExternalCredentialInput(
    string Protocol,
    string? Variant,
    IReadOnlyList<HeaderInput> Headers,
    string? DeveloperName,
    string MasterLabel,
    IReadOnlyList<ParameterInput> Parameters,
    IReadOnlyList<PrincipalInput> Principals);
