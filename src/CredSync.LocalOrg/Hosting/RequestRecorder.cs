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
            if (!http.Response.HasStarted && http.Response.StatusCode == StatusCodes.Status404NotFound)
            {
                await ApiResponse.Error(ApiException.NotFound()).WriteAsync(http);
            }
            else if (!http.Response.HasStarted && http.Response.StatusCode == StatusCodes.Status405MethodNotAllowed)
            {
                await ApiResponse.Error(ApiException.MethodNotAllowed(http.Request.Method, ["GET"])).WriteAsync(http);
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
