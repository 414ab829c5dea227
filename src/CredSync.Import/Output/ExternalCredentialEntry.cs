namespace CredSync.Import.Output;

/// <summary>
/// An external credential as credsync.yaml writes it. Without a protocol it is values-only:
/// only its principals' credentials are written.
/// </summary>
internal sealed record ExternalCredentialEntry(
    string Name,
    string? Label,
    string? Description,
    string? Protocol,
    string? Variant,
    IReadOnlyList<HeaderEntry> Headers,
    IReadOnlyList<ParameterEntry> Parameters,
    IReadOnlyList<PrincipalEntry> Principals)
{
    public bool IsValuesOnly => Protocol is null;
}
