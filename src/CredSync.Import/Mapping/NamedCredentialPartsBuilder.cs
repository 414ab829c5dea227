using CredSync.Import.Model;
using CredSync.Import.Reading;

namespace CredSync.Import.Mapping;

/// <summary>Sorts a named credential's parameters by type and checks each kind's rules.</summary>
internal sealed class NamedCredentialPartsBuilder
{
    private readonly NamedCredentialDefinition _definition;
    private readonly DiagnosticBag _diagnostics;

    private readonly List<NamedCredentialParameter> _urls = [];
    private readonly List<NamedCredentialParameter> _authentications = [];
    private readonly List<NamedCredentialParameter> _headers = [];
    private readonly List<NamedCredentialParameter> _certificates = [];
    private readonly List<NamedCredentialParameter> _networkConnections = [];
    private readonly SortedSet<string> _namespaces = new(StringComparer.Ordinal);
    private bool _failed;

    public NamedCredentialPartsBuilder(
        NamedCredentialDefinition definition,
        DiagnosticBag diagnostics)
    {
        _definition = definition;
        _diagnostics = diagnostics;
    }

    public void Add(NamedCredentialParameter parameter)
    {
        switch (parameter.Type)
        {
            case ParameterTypes.Url:
                _urls.Add(parameter);
                break;
            case ParameterTypes.Authentication:
                _authentications.Add(parameter);
                break;
            case ParameterTypes.HttpHeader:
                _headers.Add(parameter);
                break;
            case "ClientCertificate":
                _certificates.Add(parameter);
                break;
            case "OutboundNetworkConnection":
                _networkConnections.Add(parameter);
                break;
            case "AllowedManagedPackageNamespaces":
                AddNamespaces(parameter);
                break;
            default:
                ReportUnmapped(parameter);
                break;
        }
    }

    /// <summary>The parts, or null when something required is missing or broken.</summary>
    public NamedCredentialParts? Build()
    {
        var url = Only(_urls, ParameterTypes.Url, p => p.Value?.Trim(), required: true);
        var externalCredential = Only(
            _authentications,
            ParameterTypes.Authentication,
            p => p.ExternalCredentialName,
            required: true);
        var certificate = Only(
            _certificates,
            "ClientCertificate",
            p => p.Certificate ?? p.Value?.Trim(),
            required: false);
        var networkConnection = Only(
            _networkConnections,
            "OutboundNetworkConnection",
            p => p.OutboundNetworkConnection ?? p.Value?.Trim(),
            required: false);

        CheckDeveloperName(_authentications, externalCredential, "external credential");
        CheckDeveloperName(_networkConnections, networkConnection, "network connection");

        if (_failed || url is null || externalCredential is null)
        {
            return null;
        }

        // sequenceNumber gives the order headers are sent in; OrderBy is stable, so
        // unnumbered ones keep file order.
        var headers = _headers.OrderBy(h => h.SequenceNumber ?? int.MaxValue).ToList();

        return new NamedCredentialParts(
            url,
            _urls[0].Location,
            externalCredential,
            headers,
            [.. _namespaces],
            certificate,
            networkConnection);
    }

    private string? Only(
        List<NamedCredentialParameter> parameters,
        string type,
        Func<NamedCredentialParameter, string?> value,
        bool required)
    {
        if (parameters.Count == 0)
        {
            if (required)
            {
                Fail(
                    _definition.Location,
                    $"named credential '{_definition.Name}' has no {type} parameter, which "
                    + "credsync.yaml requires");
            }

            return null;
        }

        foreach (var extra in parameters.Skip(1))
        {
            Fail(
                extra.Location,
                $"a second {type} parameter; the first is on line {parameters[0].Location.Line} "
                + "(a named credential has one)");
        }

        var text = value(parameters[0]);
        if (string.IsNullOrEmpty(text))
        {
            Fail(parameters[0].Location, $"the {type} parameter '{parameters[0].Name}' is empty");

            return null;
        }

        return text;
    }

    private void CheckDeveloperName(
        List<NamedCredentialParameter> parameters,
        string? name,
        string what)
    {
        if (name is not null && !NameRules.IsDeveloperName(name))
        {
            Fail(parameters[0].Location, $"'{name}' is not a valid {what} developer name");
        }
    }

    private void AddNamespaces(NamedCredentialParameter parameter)
    {
        var names = (parameter.Value ?? "")
            .Split([',', ' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);

        foreach (var name in names)
        {
            if (NameRules.IsNamespace(name))
            {
                _namespaces.Add(name);
            }
            else
            {
                Fail(parameter.Location, $"'{name}' is not a valid namespace prefix");
            }
        }
    }

    private void ReportUnmapped(NamedCredentialParameter parameter)
    {
        if (ParameterTypes.InternalNamedCredentialParameters.Contains(parameter.Type))
        {
            _diagnostics.Warning(
                parameter.Location,
                $"parameter '{parameter.Name}' of type {parameter.Type} is internal to "
                + "Salesforce and is left out");

            return;
        }

        Fail(
            parameter.Location,
            $"unknown parameterType '{parameter.Type}' on parameter '{parameter.Name}'");
    }

    private void Fail(SourceLocation at, string message)
    {
        _diagnostics.Error(at, message);
        _failed = true;
    }
}
