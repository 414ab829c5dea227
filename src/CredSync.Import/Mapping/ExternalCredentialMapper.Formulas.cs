using CredSync.Import.Model;
using CredSync.Import.Reading;

namespace CredSync.Import.Mapping;

/// <summary>The credential keys that header formulas read.</summary>
internal sealed partial class ExternalCredentialMapper
{
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
            .Where(nc => nc.Parameters.Any(p => p.Type == ParameterTypes.Authentication
                && p.ExternalCredentialName == name))
            .SelectMany(nc => nc.Parameters.Where(p => p.Type == ParameterTypes.HttpHeader))
            .Select(p => (p.Value, p.Location, false));
}
