using CredSync.Core.Diagnostics;

namespace CredSync.Core.Model;

/// <summary>
/// A principal of an external credential. <see cref="Type"/> is null for the principals of a
/// values-only external credential, whose definition belongs to someone else.
/// </summary>
public sealed record PrincipalSpec(
    string Name,
    string? Type,
    int Sequence,
    IReadOnlyList<Parameter> Parameters,
    IReadOnlyList<CredentialSpec> Credentials,
    SourceLocation Location);
