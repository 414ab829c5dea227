using CredSync.Core.Diagnostics;

namespace CredSync.Core.Model;

/// <summary>One declared credential key of a principal.</summary>
public sealed record CredentialSpec(
    string Key,
    CredentialSource Source,
    bool Encrypted,
    SecretReference? Secret,
    string? Literal,
    SourceLocation Location);
