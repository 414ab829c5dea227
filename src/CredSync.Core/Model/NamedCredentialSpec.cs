using CredSync.Core.Diagnostics;

namespace CredSync.Core.Model;

/// <summary>A declared named credential, with Salesforce's defaults already filled in.</summary>
public sealed record NamedCredentialSpec(
    string Name,
    string Label,
    string? Description,
    string Url,
    string ExternalCredential,
    string Type,
    string? NetworkConnection,
    string? ClientCertificate,
    bool Enabled,
    bool GenerateAuthorizationHeader,
    bool AllowMergeFieldsInHeader,
    bool AllowMergeFieldsInBody,
    IReadOnlyList<Header> Headers,
    IReadOnlyList<string> AllowedNamespaces,
    SourceLocation Location)
{
    public string Address => Addresses.NamedCredential(Name);
}
