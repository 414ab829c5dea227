namespace CredSync.Import.Output;

/// <summary>A principal of an external credential as credsync.yaml writes it.</summary>
/// <param name="Name">The principal name.</param>
/// <param name="Type">The principal type; null in values-only mode.</param>
/// <param name="Sequence">The principal's priority, when the metadata gives one.</param>
/// <param name="Parameters">Parameters in the principal's own group.</param>
/// <param name="Credentials">The credential keys inferred for it.</param>
/// <param name="NoCredentialsReason">Why no keys could be inferred, written beside them.</param>
internal sealed record PrincipalEntry(
    string Name,
    string? Type,
    int? Sequence,
    IReadOnlyList<ParameterEntry> Parameters,
    IReadOnlyList<CredentialEntry> Credentials,
    string? NoCredentialsReason);
