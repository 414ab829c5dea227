using CredSync.Core.Model;

namespace CredSync.Core.Live;

/// <summary>A named credential as the org reports it.</summary>
public sealed record LiveNamedCredential(
    string Name,
    string Label,
    string? Description,
    string Url,
    string? ExternalCredential,
    string Type,
    string? NetworkConnection,
    string? ClientCertificate,
    bool Enabled,
    bool GenerateAuthorizationHeader,
    bool AllowMergeFieldsInHeader,
    bool AllowMergeFieldsInBody,
    IReadOnlyList<Header> Headers,
    IReadOnlyList<string> AllowedNamespaces);
