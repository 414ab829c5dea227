using CredSync.Import.Model;
using CredSync.Import.Reading;

namespace CredSync.Import.Mapping;

/// <summary>What a named credential's parameters say, sorted out by parameter type.</summary>
/// <param name="Url">The Url parameter.</param>
/// <param name="UrlLocation">Where the Url parameter is.</param>
/// <param name="ExternalCredential">
/// The external credential the Authentication parameter names.
/// </param>
/// <param name="Headers">HttpHeader parameters in the order they are sent.</param>
/// <param name="AllowedNamespaces">Managed package namespaces, sorted.</param>
/// <param name="ClientCertificate">The ClientCertificate parameter's certificate.</param>
/// <param name="NetworkConnection">The OutboundNetworkConnection parameter's connection.</param>
internal sealed record NamedCredentialParts(
    string Url,
    SourceLocation UrlLocation,
    string ExternalCredential,
    IReadOnlyList<NamedCredentialParameter> Headers,
    IReadOnlyList<string> AllowedNamespaces,
    string? ClientCertificate,
    string? NetworkConnection);
