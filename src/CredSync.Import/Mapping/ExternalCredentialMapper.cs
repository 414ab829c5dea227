using CredSync.Import.Model;
using CredSync.Import.Output;
using CredSync.Import.Reading;

namespace CredSync.Import.Mapping;

/// <summary>Turns an external credential's metadata into its credsync.yaml entry.</summary>
internal sealed class ExternalCredentialMapper
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
        var nameIsValid = CheckName(definition);
        var protocol = MapProtocol(definition);

        // Every part is read even after a failure, so one run reports every problem.
        var principals = ReadPrincipals(definition);
        var variant = ReadVariant(definition);
        var headers = ReadHeaders(definition);
        var (parameters, principalParameters) = ReadParameters(definition, principals);
        CheckUnmappedParameters(definition);

        if (protocol is null || !nameIsValid)
        {
            return null;
        }

        var formulaKeys = FormulaKeys(definition, protocol);
        var authProvider = parameters
            .FirstOrDefault(p => p.Type == ParameterTypes.AuthProvider)?.Value;

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

    private bool CheckName(ExternalCredentialDefinition definition)
    {
        if (NameRules.IsDeveloperName(definition.Name))
        {
            return true;
        }

        _diagnostics.Error(
            definition.File.WholeFile,
            $"'{definition.Name}' (from the file name) is not a valid developer name: "
            + "letters, digits and single underscores, starting with a letter");

        return false;
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

    private List<HeaderEntry> ReadHeaders(ExternalCredentialDefinition definition)
    {
        var headers = Parameters(definition, t => t == ParameterTypes.AuthHeader).ToList();

        foreach (var header in headers.Where(h => !ParameterTypes.IsDefaultGroup(h.Group)))
        {
            _diagnostics.Error(
                header.Location,
                $"AuthHeader '{header.Name}' belongs to group '{header.Group}'; credsync.yaml "
                + "has headers only for the whole external credential (DefaultGroup)");
        }

        // sequenceNumber gives the order headers are sent in; unnumbered ones keep file order.
        return headers
            .Select((header, index) => (header, index))
            .OrderBy(x => x.header.SequenceNumber ?? int.MaxValue)
            .ThenBy(x => x.index)
            .Select(x => new HeaderEntry(x.header.Name, x.header.Value ?? ""))
            .ToList();
    }

    private (List<ParameterEntry> Own, Dictionary<string, List<ParameterEntry>> ByPrincipal)
        ReadParameters(
            ExternalCredentialDefinition definition,
            List<ExternalCredentialParameter> principals)
    {
        var own = new List<ParameterEntry>();
        var byPrincipal = new Dictionary<string, List<ParameterEntry>>(StringComparer.Ordinal);

        var candidates = Parameters(
            definition,
            ParameterTypes.ExternalCredentialParameters.Contains);

        foreach (var parameter in candidates)
        {
            var entry = new ParameterEntry(
                parameter.Type,
                parameter.Name,
                ParameterValue(parameter),
                parameter.Description);

            if (ParameterTypes.IsDefaultGroup(parameter.Group))
            {
                own.Add(entry);

                continue;
            }

            // A parameter in a principal's group overrides the credential-wide one for it.
            var principal = principals.FirstOrDefault(p => GroupOf(p) == parameter.Group);
            if (principal is null)
            {
                _diagnostics.Error(
                    parameter.Location,
                    $"parameter '{parameter.Name}' belongs to group '{parameter.Group}', which "
                    + "is neither DefaultGroup nor the group of a principal");

                continue;
            }

            if (!byPrincipal.TryGetValue(principal.Name, out var list))
            {
                list = [];
                byPrincipal.Add(principal.Name, list);
            }

            list.Add(entry);
        }

        foreach (var name in byPrincipal.Keys)
        {
            byPrincipal[name] = Sorted(byPrincipal[name]);
        }

        return (Sorted(own), byPrincipal);
    }

    private string? ParameterValue(ExternalCredentialParameter parameter)
    {
        // These two name another component in an element of their own.
        var value = parameter.Type switch
        {
            ParameterTypes.AuthProvider => parameter.AuthProvider ?? parameter.Value,
            ParameterTypes.SigningCertificate => parameter.Certificate ?? parameter.Value,
            _ => parameter.Value,
        };

        if (value is null && parameter.Type is ParameterTypes.AuthProvider
            or ParameterTypes.SigningCertificate)
        {
            var element = parameter.Type == ParameterTypes.AuthProvider
                ? "authProvider"
                : "certificate";
            _diagnostics.Warning(
                parameter.Location,
                $"{parameter.Type} parameter '{parameter.Name}' names no <{element}>");
        }

        return value;
    }

    private void CheckUnmappedParameters(ExternalCredentialDefinition definition)
    {
        foreach (var parameter in definition.Parameters)
        {
            var type = parameter.Type;
            var mapped = ParameterTypes.Principals.Contains(type)
                || ParameterTypes.ExternalCredentialParameters.Contains(type)
                || type is ParameterTypes.AuthHeader or ParameterTypes.AuthProtocolVariant;

            if (mapped)
            {
                continue;
            }

            if (ParameterTypes.InternalExternalCredentialParameters.Contains(type))
            {
                if (!_valuesOnly)
                {
                    _diagnostics.Warning(
                        parameter.Location,
                        $"parameter '{parameter.Name}' of type {type} is internal to "
                        + "Salesforce and is left out");
                }
            }
            else if (type == "ExternalAuthIdentityProvider")
            {
                // Leaving it out of a full definition would drop it on the next apply.
                if (!_valuesOnly)
                {
                    _diagnostics.Error(
                        parameter.Location,
                        $"parameter '{parameter.Name}' of type {type} cannot be written to "
                        + "credsync.yaml; import with --values-only and keep deploying the "
                        + "definition as metadata");
                }
            }
            else
            {
                _diagnostics.Error(
                    parameter.Location,
                    $"unknown parameterType '{type}' on parameter '{parameter.Name}'");
            }
        }
    }

    private List<string> FormulaKeys(ExternalCredentialDefinition definition, string protocol)
    {
        var formulas = Parameters(definition, t => t == ParameterTypes.AuthHeader)
            .Select(h => (h.Value, h.Location, Own: true))
            .Concat(NamedCredentialHeaderFormulas(definition.Name));

        var keys = new List<string>();
        foreach (var (formula, location, own) in formulas)
        {
            foreach (var (externalCredential, key) in FormulaReferences.Find(formula))
            {
                var ownKey = string.Equals(
                    externalCredential,
                    definition.Name,
                    StringComparison.OrdinalIgnoreCase);

                if (ownKey)
                {
                    if (!keys.Contains(key, StringComparer.Ordinal))
                    {
                        keys.Add(key);
                    }
                }
                else if (own)
                {
                    _diagnostics.Warning(
                        location,
                        $"a header formula reads $Credential.{externalCredential}.{key}, a key "
                        + $"of another external credential; '{definition.Name}' cannot supply it");
                }
            }
        }

        // Only Custom principals hold keys of the user's choosing; other protocols have a
        // fixed set, which the formulas cannot change.
        return protocol == Protocols.Custom ? keys : [];
    }

    // Named credential headers that use this external credential may read its keys too.
    private IEnumerable<(string?, SourceLocation, bool)> NamedCredentialHeaderFormulas(
        string name) =>
        _catalog.NamedCredentials
            .Where(nc => nc.Parameters.Any(p => p.Type == "Authentication"
                && (p.ExternalCredential ?? p.Value) == name))
            .SelectMany(nc => nc.Parameters.Where(p => p.Type == "HttpHeader"))
            .Select(p => (p.Value, p.Location, false));

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

    // A principal's group defaults to its own name when the file does not say.
    private static string GroupOf(ExternalCredentialParameter principal) =>
        principal.Group ?? principal.Name;

    // Parameters form a set; a fixed order keeps the output stable whatever the file order.
    private static List<ParameterEntry> Sorted(List<ParameterEntry> parameters) =>
        parameters
            .OrderBy(p => p.Type, StringComparer.Ordinal)
            .ThenBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value ?? "", StringComparer.Ordinal)
            .ToList();
}
