namespace CredSync.Import.Output;

/// <summary>The namedCredentials section.</summary>
internal static partial class CredSyncYamlWriter
{
    private static void WriteNamedCredentials(
        YamlLines yaml,
        IReadOnlyList<NamedCredentialEntry> entries)
    {
        yaml.Blank();

        // A section of nothing but comments would read as null, which the schema refuses.
        yaml.Add(
            0,
            entries.Any(e => e.CommentedOutReason is null)
                ? "namedCredentials:"
                : "namedCredentials: {}");

        for (var i = 0; i < entries.Count; i++)
        {
            if (i > 0)
            {
                yaml.Blank();
            }

            var entry = entries[i];
            if (entry.CommentedOutReason is null)
            {
                WriteNamedCredential(yaml, 1, entry);

                continue;
            }

            var block = new YamlLines();
            WriteNamedCredential(block, 0, entry);

            yaml.Comment(1, $"{entry.Name} is left out: {entry.CommentedOutReason}.");
            yaml.AddCommentedOut(1, block);
        }
    }

    private static void WriteNamedCredential(YamlLines yaml, int level, NamedCredentialEntry entry)
    {
        yaml.Add(level, $"{YamlScalar.Flow(entry.Name)}:");

        var inner = level + 1;
        yaml.Add(inner, $"label: {YamlScalar.Block(entry.Label)}");
        if (entry.Description is not null)
        {
            yaml.Add(inner, $"description: {YamlScalar.Block(entry.Description)}");
        }

        yaml.Add(inner, $"url: {YamlScalar.Block(entry.Url)}", entry.UrlComment);
        yaml.Add(inner, $"externalCredential: {YamlScalar.Block(entry.ExternalCredential)}");
        yaml.Add(inner, $"type: {entry.Type}");
        if (entry.ClientCertificate is not null)
        {
            yaml.Add(inner, $"clientCertificate: {YamlScalar.Block(entry.ClientCertificate)}");
        }

        if (entry.NetworkConnection is not null)
        {
            yaml.Add(inner, $"networkConnection: {YamlScalar.Block(entry.NetworkConnection)}");
        }

        yaml.Add(inner, $"enabled: {Boolean(entry.Enabled)}");
        yaml.Add(
            inner,
            $"generateAuthorizationHeader: {Boolean(entry.GenerateAuthorizationHeader)}");
        yaml.Add(inner, $"allowMergeFieldsInHeader: {Boolean(entry.AllowMergeFieldsInHeader)}");
        yaml.Add(inner, $"allowMergeFieldsInBody: {Boolean(entry.AllowMergeFieldsInBody)}");
        WriteHeaders(yaml, inner, entry.Headers);

        var namespaces = entry.AllowedNamespaces.Select(YamlScalar.Flow);
        yaml.Add(inner, $"allowedNamespaces: [{string.Join(", ", namespaces)}]");
    }

    private static string Boolean(bool value) => value ? "true" : "false";
}
