using System.Text.RegularExpressions;
using CredSync.Import.Model;
using CredSync.Import.Output;
using CredSync.Import.Reading;

namespace CredSync.Import.Mapping;

/// <summary>
/// Turns named credentials into credsync.yaml entries, and sets legacy ones aside with the
/// reason they are not managed.
/// </summary>
internal sealed partial class NamedCredentialMapper
{
    private const string SecuredEndpoint = "SecuredEndpoint";
    private const string PrivateEndpoint = "PrivateEndpoint";

    private readonly MetadataCatalog _catalog;
    private readonly DiagnosticBag _diagnostics;

    public NamedCredentialMapper(MetadataCatalog catalog, DiagnosticBag diagnostics)
    {
        _catalog = catalog;
        _diagnostics = diagnostics;
    }

    public List<NamedCredentialEntry> Entries { get; } = [];

    public List<LegacyNamedCredentialNote> LegacyNotes { get; } = [];

    public void Map(NamedCredentialDefinition definition)
    {
        if (IsLegacy(definition))
        {
            SetAsideLegacy(definition);

            return;
        }

        if (definition.Type == "Standard")
        {
            _diagnostics.Warning(
                definition.TypeLocation,
                $"named credential '{definition.Name}' has the internal type Standard, "
                + "which Salesforce manages itself; it is left out");

            return;
        }

        var type = MapType(definition);
        var nameIsValid = NameRules.CheckFileName(definition.File, _diagnostics);

        // Salesforce ignores the legacy fields of a current-model named credential.
        foreach (var field in definition.LegacyFields)
        {
            _diagnostics.Warning(
                field.Location,
                $"<{field.Element}> is a legacy named credential field; it has no effect on "
                + $"a {definition.Type} named credential and is not imported");
        }

        var parameters = ReadParameters(definition);
        var enabled = MapCalloutStatus(definition);

        if (type is null || parameters is null || enabled is null || !nameIsValid)
        {
            return;
        }

        var missingExternalCredential =
            _catalog.FindExternalCredential(parameters.ExternalCredential) is null;
        if (missingExternalCredential)
        {
            _diagnostics.Warning(
                definition.Location,
                $"named credential '{definition.Name}' uses external credential "
                + $"'{parameters.ExternalCredential}', which is not in the metadata; it is "
                + "written as a comment. Declare the external credential (values-only: "
                + $"'{parameters.ExternalCredential}: {{}}' if it is deployed by other means) "
                + "and uncomment it");
        }

        // Salesforce defaults: generate the Authorization header, allow no merge fields.
        Entries.Add(new NamedCredentialEntry(
            definition.Name,
            definition.Label ?? definition.Name,
            definition.Description,
            parameters.Url,
            UrlComment(definition, parameters),
            parameters.ExternalCredential,
            type,
            parameters.ClientCertificate,
            parameters.NetworkConnection,
            enabled.Value,
            definition.GenerateAuthorizationHeader ?? true,
            definition.AllowMergeFieldsInHeader ?? false,
            definition.AllowMergeFieldsInBody ?? false,
            Headers(definition, parameters.Headers, parameters.ExternalCredential),
            parameters.AllowedNamespaces,
            missingExternalCredential
                ? $"external credential '{parameters.ExternalCredential}' is not in the metadata"
                : null));
    }

    private static bool IsLegacy(NamedCredentialDefinition definition) =>
        definition.Type == "Legacy"
        || definition.LegacyFields.Any(f => f.Element == "endpoint")
        || (definition.Type is null && definition.LegacyFields.Count > 0);

    private void SetAsideLegacy(NamedCredentialDefinition definition)
    {
        var reason = $"legacy named credential (protocol {definition.LegacyProtocol ?? "not set"}, "
            + $"principal type {definition.LegacyPrincipalType ?? "not set"})";

        LegacyNotes.Add(new LegacyNamedCredentialNote(
            definition.Name,
            definition.File.RelativePath,
            reason));

        _diagnostics.Warning(
            definition.Location,
            $"named credential '{definition.Name}' is left out: {reason}; CredSync manages only "
            + "SecuredEndpoint/PrivateEndpoint credentials backed by an external credential; "
            + "migrate it in Setup");

        // The value itself is never repeated: only that it is there.
        foreach (var field in definition.LegacyFields)
        {
            if (field.HasValue && MetadataVocabulary.LegacySecretFields.Contains(field.Element))
            {
                _diagnostics.Warning(
                    field.Location,
                    $"named credential '{definition.Name}' keeps a <{field.Element}> value in "
                    + "plain metadata; take it out of source control and rotate it");
            }
        }
    }

    private string? MapType(NamedCredentialDefinition definition)
    {
        switch (definition.Type)
        {
            case SecuredEndpoint or PrivateEndpoint:
                return definition.Type;

            case null:
                _diagnostics.Info(
                    definition.Location,
                    $"named credential '{definition.Name}' has no <namedCredentialType> and no "
                    + "legacy fields; it is read as a SecuredEndpoint");

                return SecuredEndpoint;

            default:
                _diagnostics.Error(
                    definition.TypeLocation,
                    $"unknown namedCredentialType '{definition.Type}'; expected "
                    + "SecuredEndpoint, PrivateEndpoint or Legacy");

                return null;
        }
    }

    private bool? MapCalloutStatus(NamedCredentialDefinition definition)
    {
        switch (definition.CalloutStatus)
        {
            case null or "Enabled":
                return true;

            case "Disabled":
                return false;

            default:
                _diagnostics.Error(
                    definition.Location,
                    $"unknown calloutStatus '{definition.CalloutStatus}'; expected Enabled "
                    + "or Disabled");

                return null;
        }
    }

    private NamedCredentialParts? ReadParameters(NamedCredentialDefinition definition)
    {
        var parts = new NamedCredentialPartsBuilder(definition, _diagnostics);

        foreach (var parameter in definition.Parameters)
        {
            parts.Add(parameter);
        }

        return parts.Build();
    }

    private string? UrlComment(NamedCredentialDefinition definition, NamedCredentialParts parts)
    {
        var placeholder = Placeholder().Match(parts.Url);
        if (!placeholder.Success)
        {
            return null;
        }

        _diagnostics.Warning(
            parts.UrlLocation,
            $"the URL of named credential '{definition.Name}' looks like a build-time "
            + $"placeholder ({placeholder.Value}); set the real URL in "
            + "credsync.yaml, or substitute it before running credsync as the build does");

        return "a build-time placeholder: set the real URL";
    }

    private List<HeaderEntry> Headers(
        NamedCredentialDefinition definition,
        IReadOnlyList<NamedCredentialParameter> headers,
        string externalCredential)
    {
        var entries = new List<HeaderEntry>();

        foreach (var header in headers)
        {
            var value = header.Value ?? "";
            if (value.Length == 0 || value.Contains("{!", StringComparison.Ordinal))
            {
                entries.Add(new HeaderEntry(header.Name, value));

                continue;
            }

            // The value is not repeated here: it may be the very secret being warned about.
            var key = string.Concat(
                header.Name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_'));
            _diagnostics.Warning(
                header.Location,
                $"header '{header.Name}' of named credential '{definition.Name}' has a literal "
                + "value: it may be a secret kept in plain metadata. Move it into a principal "
                + $"credential of external credential '{externalCredential}' and send it with a "
                + $"formula such as {{!$Credential.{externalCredential}.{key}}}");

            entries.Add(new HeaderEntry(
                header.Name,
                value,
                "literal value: if it is a secret, move it into a principal credential and "
                + "use a formula"));
        }

        return entries;
    }

    // {API_URL}, ${API_URL} or {{API_URL}}: left for a build script to fill in. A merge
    // field ({!...}) is not a placeholder.
    [GeneratedRegex(@"\$\{[^}]*\}|\{\{[^}]*\}\}|\{(?!!)[A-Za-z_][A-Za-z0-9_.-]*\}")]
    private static partial Regex Placeholder();
}
