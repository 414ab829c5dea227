using CredSync.Core.Diagnostics;

namespace CredSync.Core.Model;

/// <summary>
/// A declared external credential. When <see cref="ValuesOnly"/> is set, only its principals'
/// credential values are managed: the definition must already exist and is never written.
/// </summary>
public sealed record ExternalCredentialSpec(
    string Name,
    bool ValuesOnly,
    string? Label,
    string? Description,
    string? Protocol,
    string? Variant,
    IReadOnlyList<Header> Headers,
    IReadOnlyList<Parameter> Parameters,
    IReadOnlyList<PrincipalSpec> Principals,
    SourceLocation Location)
{
    public string Address => Addresses.ExternalCredential(Name);
}
