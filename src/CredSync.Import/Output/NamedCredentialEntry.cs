namespace CredSync.Import.Output;

/// <summary>A named credential as credsync.yaml writes it.</summary>
/// <param name="CommentedOutReason">
/// Set when the entry refers to something the metadata does not define: it is then written as
/// comments, with this reason, so the file stays valid and the user can restore it.
/// </param>
internal sealed record NamedCredentialEntry(
    string Name,
    string Label,
    string? Description,
    string Url,
    string? UrlComment,
    string ExternalCredential,
    string Type,
    string? ClientCertificate,
    string? NetworkConnection,
    bool Enabled,
    bool GenerateAuthorizationHeader,
    bool AllowMergeFieldsInHeader,
    bool AllowMergeFieldsInBody,
    IReadOnlyList<HeaderEntry> Headers,
    IReadOnlyList<string> AllowedNamespaces,
    string? CommentedOutReason);
