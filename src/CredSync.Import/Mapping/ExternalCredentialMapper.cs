using CredSync.Import.Model;
using CredSync.Import.Output;
using CredSync.Import.Reading;

namespace CredSync.Import.Mapping;

/// <summary>Turns an external credential's metadata into its credsync.yaml entry.</summary>
internal sealed partial class ExternalCredentialMapper
{
    private readonly MetadataCatalog _catalog;
    private readonly bool _valuesOnly;
    private readonly DiagnosticBag _diagnostics;
    private readonly SecretReferences _references;

    public ExternalCredentialMapper(
        MetadataCatalog catalog,
        bool valuesOnly,
        DiagnosticBag diagnostics,
        SecretReferences references)
    {
        _catalog = catalog;
        _valuesOnly = valuesOnly;
        _diagnostics = diagnostics;
        _references = references;
    }

    /// <summary>The entry, or null when the metadata cannot be imported (errors say why).</summary>
    public ExternalCredentialEntry? Map(ExternalCredentialDefinition definition)
    {
        var nameIsValid = NameRules.CheckFileName(definition.File, _diagnostics);
        var protocol = MapProtocol(definition);

        // Every part is read even after a failure, so one run reports every problem. Headers
        // and parameters belong to the definition, which values-only mode does not write.
        var principals = ReadPrincipals(definition);
        var variant = ReadVariant(definition);
        var headers = _valuesOnly ? [] : ReadHeaders(definition);
        var (parameters, principalParameters) = _valuesOnly
            ? ([], [])
            : ReadParameters(definition, principals);
        CheckUnmappedParameters(definition);

        if (protocol is null || !nameIsValid)
        {
            return null;
        }

        var formulaKeys = FormulaKeys(definition, protocol);
        var authProvider = Parameters(definition, t => t == ParameterTypes.AuthProvider)
            .Select(p => p.AuthProvider ?? p.Value)
            .FirstOrDefault();

        var principalEntries = principals
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => MapPrincipal(
                definition,
                p,
                protocol,
                variant,
                formulaKeys,
                authProvider,
                principalParameters.GetValueOrDefault(p.Name, [])))
            .ToList();

        if (_valuesOnly)
        {
            return new ExternalCredentialEntry(
                definition.Name, null, null, null, null, [], [], principalEntries);
        }

        return new ExternalCredentialEntry(
            definition.Name,
            definition.Label ?? definition.Name,
            definition.Description,
            protocol,
            variant,
            headers,
            parameters,
            principalEntries);
    }

    private string? MapProtocol(ExternalCredentialDefinition definition)
    {
        var metadataProtocol = definition.Protocol;
        if (metadataProtocol is null)
        {
            // The parser already reported the missing element.
            return null;
        }

        if (Protocols.Supported.TryGetValue(metadataProtocol, out var protocol))
        {
            return protocol;
        }

        var message = Protocols.Unsupported.Contains(metadataProtocol)
            ? $"authenticationProtocol '{metadataProtocol}' is not supported by the Connect "
                + "API that CredSync writes through (it takes AwsSv4, Basic, Custom, Jwt and "
                + "OAuth); for no authentication, use Custom with the NoAuthentication variant"
            : $"unknown authenticationProtocol '{metadataProtocol}'; the Metadata API knows "
                + "Custom, Oauth, Basic, AwsSv4, Jwt, JwtExchange, Password and NoAuthentication";
        _diagnostics.Error(definition.ProtocolLocation, message);

        return null;
    }

    private List<ExternalCredentialParameter> ReadPrincipals(
        ExternalCredentialDefinition definition)
    {
        var principals = new List<ExternalCredentialParameter>();

        foreach (var parameter in Parameters(definition, ParameterTypes.Principals.Contains))
        {
            if (!NameRules.IsPrincipalName(parameter.Name))
            {
                _diagnostics.Error(
                    parameter.Location,
                    $"principal name '{parameter.Name}' cannot be written to credsync.yaml: "
                    + "use letters, digits, spaces, underscores and hyphens");
            }

            var earlier = principals.FirstOrDefault(p => p.Name == parameter.Name);
            if (earlier is not null)
            {
                _diagnostics.Error(
                    parameter.Location,
                    $"principal '{parameter.Name}' is defined twice; the first is on line "
                    + $"{earlier.Location.Line}");

                continue;
            }

            principals.Add(parameter);
        }

        return principals;
    }

    private string? ReadVariant(ExternalCredentialDefinition definition)
    {
        var variants = Parameters(definition, t => t == ParameterTypes.AuthProtocolVariant)
            .ToList();
        if (variants.Count == 0)
        {
            return null;
        }

        foreach (var extra in variants.Skip(1))
        {
            _diagnostics.Error(
                extra.Location,
                $"a second AuthProtocolVariant parameter; the first is on line "
                + $"{variants[0].Location.Line}");
        }

        var parameter = variants[0];
        var variant = parameter.Value?.Trim();
        if (variant is null || !Protocols.Variants.Contains(variant))
        {
            _diagnostics.Error(
                parameter.Location,
                $"unknown protocol variant '{variant}'; known variants are "
                + string.Join(", ", Protocols.Variants.Order(StringComparer.Ordinal)));

            return null;
        }

        // The variant parameter is named after the protocol it refines.
        if (definition.Protocol is { } protocol && parameter.Name != protocol)
        {
            _diagnostics.Warning(
                parameter.Location,
                $"AuthProtocolVariant parameter is named '{parameter.Name}', but the protocol "
                + $"is '{protocol}'; Salesforce names it after the protocol");
        }

        return variant;
    }

    private PrincipalEntry MapPrincipal(
        ExternalCredentialDefinition definition,
        ExternalCredentialParameter principal,
        string protocol,
        string? variant,
        List<string> formulaKeys,
        string? authProvider,
        List<ParameterEntry> parameters)
    {
        var (keys, reason) = CredentialInference.Infer(
            protocol,
            variant,
            principal.Type,
            formulaKeys,
            authProvider);

        var credentials = keys
            .Select(key => new CredentialEntry(
                key.Name,
                _references.For(definition.Name, principal.Name, key.Name, principal.Location),
                key.Encrypted))
            .ToList();

        return _valuesOnly
            ? new PrincipalEntry(principal.Name, null, null, [], credentials, reason)
            : new PrincipalEntry(
                principal.Name,
                principal.Type,
                principal.SequenceNumber,
                parameters,
                credentials,
                reason);
    }

    private static IEnumerable<ExternalCredentialParameter> Parameters(
        ExternalCredentialDefinition definition,
        Func<string, bool> type) =>
        definition.Parameters.Where(p => type(p.Type));
}
