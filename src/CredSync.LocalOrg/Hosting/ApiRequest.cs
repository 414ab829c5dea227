using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CredSync.LocalOrg;

/// <summary>What an API handler gets: the version, the locked session and the HTTP request.</summary>
internal sealed class ApiRequest
{
    public ApiRequest(HttpContext http, ApiVersion version, OrgSession session, LocalOrgOptions options)
    {
        Http = http;
        Version = version;
        Session = session;
        Options = options;
    }

    public HttpContext Http { get; }

    public ApiVersion Version { get; }

    public OrgSession Session { get; }

    public LocalOrgOptions Options { get; }

    public OrgState State => Session.State;

    public string RouteValue(string name)
    {
        return Http.GetRouteValue(name) as string ?? "";
    }

    /// <summary>A query parameter; absent or empty gives null, and a repeated one is refused.</summary>
    public string? Query(string name)
    {
        var values = Http.Request.Query[name];
        if (values.Count > 1)
        {
            throw ApiException.InvalidInput($"The query parameter '{name}' can be given only once.");
        }

        var value = values.Count == 1 ? values[0] : null;

        return string.IsNullOrEmpty(value) ? null : value;
    }

    public bool HasQuery(string name)
    {
        return Http.Request.Query.ContainsKey(name);
    }

    public Task<JsonInput> ReadBodyAsync()
    {
        return JsonInput.ReadAsync(Http.Request, Http.RequestAborted);
    }
}
