using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace CredSync.LocalOrg;

/// <summary>
/// The outermost step: records each request, turns unanswered 404 and 405 results into
/// Salesforce error arrays, and answers 500 for anything unexpected.
/// </summary>
internal sealed class RequestRecorder
{
    private readonly RequestLog _log;
    private readonly ILogger _logger;

    public RequestRecorder(RequestLog log, ILogger logger)
    {
        _log = log;
        _logger = logger;
    }

    public async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        try
        {
            await next(http);
            var error = http.Response.HasStarted ? null : http.Response.StatusCode switch
            {
                StatusCodes.Status404NotFound => ApiException.NotFound(),

                // Only the GET-only discovery endpoints leave a 405 to routing.
                StatusCodes.Status405MethodNotAllowed
                    => ApiException.MethodNotAllowed(http.Request.Method, ["GET"]),
                _ => null,
            };

            if (error is not null)
            {
                await ApiResponse.Error(error).WriteAsync(http);
            }
        }
        catch (Exception error) when (!http.RequestAborted.IsCancellationRequested)
        {
            LocalOrgLog.Failed(_logger, error, http.Request.Method, Route(http));
            if (!http.Response.HasStarted)
            {
                http.Response.Clear();
                await ApiResponse.Error(ApiException.Unexpected()).WriteAsync(http);
            }
        }
        finally
        {
            var dropped = http.Items.ContainsKey(InjectedFault.DroppedItem);
            var status = dropped ? 0 : http.Response.StatusCode;
            _log.Add(new RecordedRequest(
                http.Request.Method,
                http.Request.Path.Value ?? "",
                http.Request.QueryString.Value ?? "",
                Template(http),
                status));
            LocalOrgLog.Answered(_logger, http.Request.Method, Route(http), status);
        }
    }

    private static string? Template(HttpContext http)
    {
        return (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
    }

    private static string Route(HttpContext http)
    {
        return Template(http) ?? http.Request.Path.Value ?? "";
    }
}
