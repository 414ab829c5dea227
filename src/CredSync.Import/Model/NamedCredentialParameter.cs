using CredSync.Import.Reading;

namespace CredSync.Import.Model;

/// <summary>One <c>namedCredentialParameters</c> entry, as written in the metadata.</summary>
internal sealed record NamedCredentialParameter(
    SourceLocation Location,
    string Name,
    string Type,
    string? Value,
    string? ExternalCredential,
    string? Certificate,
    string? OutboundNetworkConnection,
    int? SequenceNumber)
{
    /// <summary>
    /// The external credential an Authentication parameter names: in its own element, or in
    /// parameterValue in hand-written files.
    /// </summary>
    public string? ExternalCredentialName => ExternalCredential ?? Value?.Trim();
}
