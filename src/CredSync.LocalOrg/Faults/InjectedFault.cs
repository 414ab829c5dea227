using Microsoft.AspNetCore.Http;

namespace CredSync.LocalOrg;

/// <summary>A fault picked for one request.</summary>
internal sealed record InjectedFault(FaultKind Kind, int Status)
{
    public const string DroppedItem = "CredSync.LocalOrg.Dropped";

    public bool RunsHandler => Kind == FaultKind.DropAfterHandling;

    public async Task ApplyAsync(HttpContext http)
    {
        if (Kind != FaultKind.Status)
        {
            http.Items[DroppedItem] = true;
            http.Abort();

            return;
        }

        await ApiResponse.Error(Error()).WriteAsync(http);
    }

    private ApiException Error()
    {
        return Status switch
        {
            401 => ApiException.InvalidSession(),
            403 => ApiException.LimitExceeded(),
            429 => ApiException.Injected(
                Status,
                "REQUEST_LIMIT_EXCEEDED",
                "Too many requests (injected fault)."),
            502 or 503 or 504 => ApiException.Injected(
                Status,
                "SERVER_UNAVAILABLE",
                "The server is temporarily unavailable (injected fault)."),
            >= 500 => ApiException.Injected(
                Status,
                "UNKNOWN_EXCEPTION",
                "An unexpected error occurred (injected fault)."),
            _ => ApiException.Injected(
                Status,
                "REQUEST_FAILED",
                $"The request failed with status {Status} (injected fault)."),
        };
    }
}
