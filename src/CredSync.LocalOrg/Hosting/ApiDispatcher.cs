using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CredSync.LocalOrg;

/// <summary>Runs the handler of a resource's method, saves the session, then answers.</summary>
internal sealed class ApiDispatcher
{
    private readonly LocalOrgFaults _faults;

    public ApiDispatcher(LocalOrgFaults faults)
    {
        _faults = faults;
    }

    public RequestDelegate For(ApiResource resource)
    {
        return http => DispatchAsync(http, resource);
    }

    private async Task DispatchAsync(HttpContext http, ApiResource resource)
    {
        var request = http.Features.GetRequiredFeature<ApiRequest>();
        var fault = _faults.Take(http.Request.Method, resource.Template);
        if (fault is { RunsHandler: false })
        {
            await fault.ApplyAsync(http);
            return;
        }

        ApiResponse response;
        try
        {
            var operation = Select(resource, request.Version, http.Request.Method);
            response = await operation.Handler(request);
        }
        catch (ApiException error)
        {
            request.Session.DiscardStateChanges();
            response = ApiResponse.Error(error);
        }

        // Saved before answering: once a client sees success, every other server sees the change.
        request.Session.Commit();
        if (fault is not null)
        {
            await fault.ApplyAsync(http);
            return;
        }

        await response.WriteAsync(http);
    }

    private static ApiOperation Select(ApiResource resource, ApiVersion version, string method)
    {
        var available = resource.Operations.Where(o => version.IsAtLeast(o.SinceVersion)).ToList();
        if (available.Count == 0)
        {
            throw ApiException.NotFound();
        }

        return available.Find(o => string.Equals(o.Method, method, StringComparison.OrdinalIgnoreCase))
            ?? throw ApiException.MethodNotAllowed(method, [.. available.Select(o => o.Method)]);
    }
}
