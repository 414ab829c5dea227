namespace CredSync.Import.Output;

/// <summary>The principal accesses one permission set grants.</summary>
internal sealed record PermissionSetEntry(string Name, IReadOnlyList<AccessGrantEntry> Grants)
{
    /// <summary>
    /// True when no grant can be written as it is, so the whole entry is a comment.
    /// </summary>
    public bool IsCommentedOut => Grants.All(g => g.CommentedOutReason is not null);
}
