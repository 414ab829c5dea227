namespace CredSync.Import.Output;

/// <summary>
/// One <c>&lt;ExternalCredential&gt;-&lt;Principal&gt;</c> access of a permission set; written
/// as a comment, with its reason, when it names something the metadata does not define.
/// </summary>
internal sealed record AccessGrantEntry(string Principal, string? CommentedOutReason);
