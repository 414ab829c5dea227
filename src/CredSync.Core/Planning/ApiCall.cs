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

    public string Display(string apiVersion) => $"{Method} /services/data/v{apiVersion}{Path}{QueryString(Query)}";

    /// <summary>"?k=v&amp;..." with values URL-encoded, or "" when there is no query.</summary>
    public static string QueryString(IReadOnlyList<KeyValuePair<string, string>> query) =>
        query.Count == 0 ? "" : "?" + string.Join("&", query.Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value)}"));
}
