namespace CredSync.LocalOrg;

/// <summary>An External Credential Principal Input.</summary>
internal sealed record PrincipalInput(
    string Name,
    string Type,
    int Sequence,
    IReadOnlyList<ParameterInput> Parameters);
