using CredSync.Core.Model;

namespace CredSync.Core.Live;

/// <summary>An external credential as the org reports it.</summary>
public sealed record LiveExternalCredential(
    string Name,
    string Label,
    string? Description,
    string Protocol,
    string? Variant,
    IReadOnlyList<Header> Headers,
    IReadOnlyList<Parameter> Parameters,
    IReadOnlyList<LivePrincipal> Principals);
