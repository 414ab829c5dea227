namespace CredSync.Core.Planning;

/// <summary>
/// One REST call a change makes, as a person reviews it: method, path below
/// /services/data/vXX.X and query. Bodies are built at apply time from the desired state and
/// the stores, so a plan never holds a secret value.
/// </summary>
public sealed record ApiCall(string Method, string Path, IReadOnlyList<KeyValuePair<string, string>> Query)
{
    public ApiCall(string method, string path)
        : this(method, path, [])
    {
    }

    public string Display(string apiVersion)
    {
        var query = Query.Count == 0
            ? ""
            : "?" + string.Join("&", Query.Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value)}"));

        return $"{Method} /services/data/v{apiVersion}{Path}{query}";
    }
}
