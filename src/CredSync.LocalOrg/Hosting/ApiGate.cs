using Microsoft.AspNetCore.Http;

namespace CredSync.LocalOrg;

/// <summary>
/// Guards every <c>/services/data/…</c> path except the version list: checks the token, counts
/// the request against the daily allocation, sets <c>Sforce-Limit-Info</c>, checks the version,
/// and holds the data folder's lock while the endpoint runs.
/// </summary>
internal sealed class ApiGate
{
    private const string LimitHeader = "Sforce-Limit-Info";

    private readonly LocalOrgOptions _options;
    private readonly OrgStore _store;
    private readonly ApiVersion _newest;
    private readonly LocalOrgFaults _faults;

    public ApiGate(LocalOrgOptions options, OrgStore store, ApiVersion newest, LocalOrgFaults faults)
    {
        _options = options;
        _store = store;
        _newest = newest;
        _faults = faults;
    }

    /// <summary>True for every path the gate guards.</summary>
    /// <remarks>Routing ignores case, so the gate must too, or a path in capitals slips past.</remarks>
    public static bool Guards(PathString path)
    {
        const StringComparison ignoreCase = StringComparison.OrdinalIgnoreCase;

        return path.StartsWithSegments("/services/data", ignoreCase, out var rest)
            && rest.HasValue
            && rest.Value != "/";
    }

    public async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        if (!Guards(http.Request.Path))
        {
            await next(http);
            return;
        }

        var latency = _faults.Latency;
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, _options.TimeProvider, http.RequestAborted);
        }

        if (!BearerToken.IsPresent(http.Request))
        {
            await ApiResponse.Error(ApiException.InvalidSession()).WriteAsync(http);
            return;
        }

        OrgSession session;
        try
        {
            session = await _store.OpenAsync(http.RequestAborted);
        }
        catch (ApiException error)
        {
            await ApiResponse.Error(error).WriteAsync(http);
            return;
        }

        using (session)
        {
            try
            {
                await GuardAsync(http, session, next);
            }
            catch (ApiException error)
            {
                // The request still counts against the allocation, so the usage is saved.
                session.DiscardStateChanges();
                session.Commit();
                await ApiResponse.Error(error).WriteAsync(http);
            }
        }
    }

    private async Task GuardAsync(HttpContext http, OrgSession session, RequestDelegate next)
    {
        if (!BearerToken.Matches(http.Request, session.Org.AccessToken))
        {
            throw ApiException.InvalidSession();
        }

        var now = _options.TimeProvider.GetUtcNow();
        var used = ApiUsage.Used(session.Org, now);
        if (used >= _options.DailyApiLimit)
        {
            SetLimitHeader(http, used);
            throw ApiException.LimitExceeded();
        }

        ApiUsage.Count(session.Org, now);
        session.OrgChanged();
        SetLimitHeader(http, used + 1);

        var version = ParseVersion(http.Request.Path);

        // One public report has Connect answering 404 for a trailing slash; refusing it here
        // keeps clients from depending on it.
        if (http.Request.Path.Value!.EndsWith('/') && http.Request.Path.Value.Count(c => c == '/') > 4)
        {
            throw ApiException.NotFound();
        }

        http.Features.Set(new ApiRequest(http, version, session, _options));
        await next(http);
        session.Commit();
    }

    private ApiVersion ParseVersion(PathString path)
    {
        var segment = path.Value!["/services/data/".Length..].Split('/')[0];
        if (!segment.StartsWith('v')
            || !ApiVersion.TryParse(segment, out var version)
            || version.Major > _newest.Major)
        {
            throw ApiException.NotFound();
        }

        return version.Major < ApiVersion.OldestSupported.Major
            ? throw ApiException.Gone(version)
            : version;
    }

    private void SetLimitHeader(HttpContext http, long used)
    {
        http.Response.Headers[LimitHeader] = $"api-usage={used}/{_options.DailyApiLimit}";
    }
}
