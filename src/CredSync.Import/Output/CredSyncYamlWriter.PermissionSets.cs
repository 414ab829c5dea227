namespace CredSync.Import.Output;

/// <summary>The permissionSets section.</summary>
internal static partial class CredSyncYamlWriter
{
    private static void WritePermissionSets(
        YamlLines yaml,
        IReadOnlyList<PermissionSetEntry> entries)
    {
        yaml.Blank();
        yaml.Add(
            0,
            entries.Any(e => !e.IsCommentedOut) ? "permissionSets:" : "permissionSets: {}");

        foreach (var entry in entries)
        {
            if (!entry.IsCommentedOut)
            {
                WritePermissionSet(yaml, 1, entry);

                continue;
            }

            var block = new YamlLines();
            WritePermissionSet(block, 0, entry);

            yaml.Comment(1, $"{entry.Name} is left out: none of its accesses names a principal "
                + "defined in the metadata.");
            yaml.AddCommentedOut(1, block);
        }
    }

    private static void WritePermissionSet(YamlLines yaml, int level, PermissionSetEntry entry)
    {
        yaml.Add(level, $"{YamlScalar.Flow(entry.Name)}:");

        foreach (var grant in entry.Grants)
        {
            var item = $"- {YamlScalar.Block(grant.Principal)}";
            if (grant.CommentedOutReason is null || entry.IsCommentedOut)
            {
                yaml.Add(level + 1, item, grant.CommentedOutReason);
            }
            else
            {
                yaml.Comment(level + 1, $"{item}  # {grant.CommentedOutReason}");
            }
        }
    }
}
