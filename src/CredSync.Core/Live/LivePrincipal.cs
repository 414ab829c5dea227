using CredSync.Core.Model;

namespace CredSync.Core.Live;

/// <summary>A principal of a live external credential.</summary>
public sealed record LivePrincipal(
    string Name,
    string Type,
    int Sequence,
    IReadOnlyList<Parameter> Parameters,
    string? AuthenticationStatus);
