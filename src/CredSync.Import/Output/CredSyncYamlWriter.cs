namespace CredSync.Import.Output;

/// <summary>Renders an <see cref="ImportDocument"/> as credsync.yaml text.</summary>
internal static partial class CredSyncYamlWriter
{
    public const string SecretComment = "where this secret comes from: change the reference";

    public static string Write(ImportDocument document)
    {
        var yaml = new YamlLines();

        WriteHeader(yaml, document);

        yaml.Add(0, "version: 1");
        yaml.Blank();

        yaml.Add(0, "stores:");
        yaml.Add(1, $"{YamlScalar.Flow(document.StoreName)}: {{ type: env }}");

        WriteExternalCredentials(yaml, document.ExternalCredentials);

        if (document.NamedCredentials is { } namedCredentials)
        {
            WriteNamedCredentials(yaml, namedCredentials);
        }

        if (document.PermissionSets is { } permissionSets)
        {
            WritePermissionSets(yaml, permissionSets);
        }

        return yaml.ToString();
    }

    private static void WriteHeader(YamlLines yaml, ImportDocument document)
    {
        yaml.Comment(0, "yaml-language-server: $schema=schemas/credsync.schema.json");
        yaml.Comment(0, "Written by `credsync import --from-metadata`. Metadata never carries "
            + "secret values:");
        yaml.Comment(0, $"each credential below reads an environment variable of the "
            + $"'{document.StoreName}' store.");
        yaml.Comment(0, "Point every reference at the store that really holds the secret.");

        if (document.LegacyNamedCredentials.Count > 0)
        {
            yaml.Comment(0, "");
            yaml.Comment(0, "Legacy named credentials left out. CredSync manages only "
                + "SecuredEndpoint and PrivateEndpoint");
            yaml.Comment(0, "named credentials backed by an external credential; "
                + "migrate these in Setup:");

            foreach (var legacy in document.LegacyNamedCredentials)
            {
                yaml.Comment(0, $"  {legacy.Name}: {legacy.Reason}");
                yaml.Comment(0, $"    ({legacy.RelativePath})");
            }
        }
    }

    private static void WriteExternalCredentials(
        YamlLines yaml,
        IReadOnlyList<ExternalCredentialEntry> entries)
    {
        yaml.Blank();
        if (entries.Count == 0)
        {
            yaml.Add(0, "externalCredentials: {}");

            return;
        }

        yaml.Add(0, "externalCredentials:");
        for (var i = 0; i < entries.Count; i++)
        {
            if (i > 0)
            {
                yaml.Blank();
            }

            WriteExternalCredential(yaml, entries[i]);
        }
    }

    private static void WriteExternalCredential(YamlLines yaml, ExternalCredentialEntry entry)
    {
        var name = YamlScalar.Flow(entry.Name);
        if (entry.IsValuesOnly && entry.Principals.Count == 0)
        {
            yaml.Add(1, $"{name}: {{}}", "no principals in the metadata: nothing to set");

            return;
        }

        yaml.Add(1, $"{name}:");

        if (!entry.IsValuesOnly)
        {
            yaml.Add(2, $"label: {YamlScalar.Block(entry.Label!)}");
            if (entry.Description is not null)
            {
                yaml.Add(2, $"description: {YamlScalar.Block(entry.Description)}");
            }

            yaml.Add(2, $"protocol: {entry.Protocol}");
            yaml.Add(2, $"variant: {(entry.Variant is null ? "null" : entry.Variant)}");
            WriteHeaders(yaml, 2, entry.Headers);
            WriteParameters(yaml, 2, entry.Parameters);
        }

        if (entry.Principals.Count == 0)
        {
            yaml.Add(2, "principals: {}", "no principals in the metadata");

            return;
        }

        yaml.Add(2, "principals:");
        foreach (var principal in entry.Principals)
        {
            WritePrincipal(yaml, principal);
        }
    }

    private static void WritePrincipal(YamlLines yaml, PrincipalEntry principal)
    {
        yaml.Add(3, $"{YamlScalar.Flow(principal.Name)}:");

        if (principal.Type is not null)
        {
            yaml.Add(4, $"type: {principal.Type}");
        }

        if (principal.Sequence is { } sequence)
        {
            yaml.Add(4, $"sequence: {sequence}");
        }

        if (principal.Parameters.Count > 0)
        {
            WriteParameters(yaml, 4, principal.Parameters);
        }

        if (principal.Credentials.Count == 0)
        {
            yaml.Add(4, "credentials: {}", principal.NoCredentialsReason);

            return;
        }

        yaml.Add(4, "credentials:");
        foreach (var credential in principal.Credentials)
        {
            var fields = new List<(string, string)>
            {
                ("secret", YamlScalar.Flow(credential.SecretReference)),
            };
            if (!credential.Encrypted)
            {
                fields.Add(("encrypted", "false"));
            }

            yaml.Add(
                5,
                $"{YamlScalar.Flow(credential.Key)}: {YamlLines.FlowMapping(fields)}",
                SecretComment);
        }
    }

    private static void WriteHeaders(YamlLines yaml, int level, IReadOnlyList<HeaderEntry> headers)
    {
        if (headers.Count == 0)
        {
            yaml.Add(level, "headers: []");

            return;
        }

        yaml.Add(level, "headers:");
        foreach (var header in headers)
        {
            var mapping = YamlLines.FlowMapping(
                ("name", YamlScalar.Flow(header.Name)),
                ("value", YamlScalar.Flow(header.Value)));
            yaml.Add(level + 1, $"- {mapping}", header.Comment);
        }
    }

    private static void WriteParameters(
        YamlLines yaml,
        int level,
        IReadOnlyList<ParameterEntry> parameters)
    {
        if (parameters.Count == 0)
        {
            yaml.Add(level, "parameters: []");

            return;
        }

        yaml.Add(level, "parameters:");
        foreach (var parameter in parameters)
        {
            var fields = new List<(string, string)>
            {
                ("type", parameter.Type),
                ("name", YamlScalar.Flow(parameter.Name)),
            };
            if (parameter.Value is not null)
            {
                fields.Add(("value", YamlScalar.Flow(parameter.Value)));
            }

            if (parameter.Description is not null)
            {
                fields.Add(("description", YamlScalar.Flow(parameter.Description)));
            }

            yaml.Add(level + 1, $"- {YamlLines.FlowMapping(fields)}");
        }
    }
}
