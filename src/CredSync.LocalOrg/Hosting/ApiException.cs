using Microsoft.AspNetCore.Http;

namespace CredSync.LocalOrg;

/// <summary>
/// An error answer for the client. Handlers throw it from deep inside input parsing, and the
/// dispatcher turns it into a Salesforce error array; its message is sent as is, so it must never
/// carry a credential value.
/// </summary>
internal sealed class ApiException : Exception
{
    private ApiException(int status, string errorCode, string message)
        : base(message)
    {
        Status = status;
        ErrorCode = errorCode;
    }

    public int Status { get; }

    public string ErrorCode { get; }

    /// <summary>The methods to list in an Allow header, for a 405 answer.</summary>
    public IReadOnlyList<string> AllowedMethods { get; private init; } = [];

    public static ApiException InvalidInput(string message)
    {
        return new ApiException(StatusCodes.Status400BadRequest, "INVALID_API_INPUT", message);
    }

    public static ApiException JsonParser(string message)
    {
        return new ApiException(StatusCodes.Status400BadRequest, "JSON_PARSER_ERROR", message);
    }

    public static ApiException Duplicate(string message)
    {
        return new ApiException(StatusCodes.Status400BadRequest, "DUPLICATE_VALUE", message);
    }

    public static ApiException NotFound(string message = "The requested resource does not exist")
    {
        return new ApiException(StatusCodes.Status404NotFound, "NOT_FOUND", message);
    }

    public static ApiException Gone(ApiVersion version)
    {
        return new ApiException(
            StatusCodes.Status410Gone,
            "GONE",
            $"API version {version} has been retired and is no longer supported.");
    }

    public static ApiException MethodNotAllowed(string method, IReadOnlyList<string> allowed)
    {
        var message = $"HTTP Method '{method}' not allowed. Allowed are {string.Join(",", allowed)}";
        return new ApiException(StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED", message)
        {
            AllowedMethods = allowed,
        };
    }

    public static ApiException InvalidSession()
    {
        return new ApiException(
            StatusCodes.Status401Unauthorized,
            "INVALID_SESSION_ID",
            "Session expired or invalid");
    }

    public static ApiException LimitExceeded()
    {
        return new ApiException(
            StatusCodes.Status403Forbidden,
            "REQUEST_LIMIT_EXCEEDED",
            "TotalRequests Limit exceeded.");
    }

    public static ApiException Busy()
    {
        return new ApiException(
            StatusCodes.Status503ServiceUnavailable,
            "SERVER_UNAVAILABLE",
            "The local org's data folder is locked by another request; try again.");
    }

    public static ApiException Unexpected()
    {
        return new ApiException(
            StatusCodes.Status500InternalServerError,
            "UNKNOWN_EXCEPTION",
            "An unexpected error occurred in the local org.");
    }

    public static ApiException Injected(int status, string errorCode, string message)
    {
        return new ApiException(status, errorCode, message);
    }
}
