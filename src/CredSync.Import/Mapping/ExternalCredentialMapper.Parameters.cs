using CredSync.Import.Model;
using CredSync.Import.Output;
using CredSync.Import.Reading;

namespace CredSync.Import.Mapping;

/// <summary>Headers and parameters: where each goes, and what is left out.</summary>
internal sealed partial class ExternalCredentialMapper
{
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

        // sequenceNumber gives the order headers are sent in; OrderBy is stable, so
        // unnumbered ones keep file order.
        return headers
            .OrderBy(h => h.SequenceNumber ?? int.MaxValue)
            .Select(h => new HeaderEntry(h.Name, h.Value ?? ""))
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
