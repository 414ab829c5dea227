using System.Text;
using CredSync.Import.Reading;

namespace CredSync.Import.Mapping;

/// <summary>
/// Hands out the placeholder secret references of imported credentials: one environment
/// variable per external credential, principal and key.
/// </summary>
internal sealed class SecretReferences
{
    private readonly string _store;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, string> _owners = new(StringComparer.Ordinal);

    public SecretReferences(string store, DiagnosticBag diagnostics)
    {
        _store = store;
        _diagnostics = diagnostics;
    }

    /// <summary>
    /// The variable name <c>&lt;EC&gt;_&lt;PRINCIPAL&gt;_&lt;KEY&gt;</c>, upper case, with every
    /// character that is not an ASCII letter or digit written as an underscore.
    /// </summary>
    public static string VariableName(string externalCredential, string principal, string key)
    {
        var name = new StringBuilder();
        foreach (var c in $"{externalCredential}_{principal}_{key}")
        {
            name.Append(char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_');
        }

        return name.ToString();
    }

    public string For(string externalCredential, string principal, string key, SourceLocation at)
    {
        var variable = VariableName(externalCredential, principal, key);
        var owner = $"{externalCredential}.{principal}.{key}";

        // Two principals whose names differ only in punctuation would share a variable.
        if (_owners.TryGetValue(variable, out var first))
        {
            _diagnostics.Warning(
                at,
                $"credential '{owner}' and credential '{first}' both read environment variable "
                + $"{variable}; give one of them its own reference");
        }
        else
        {
            _owners.Add(variable, owner);
        }

        return $"{_store}:{variable}";
    }
}
