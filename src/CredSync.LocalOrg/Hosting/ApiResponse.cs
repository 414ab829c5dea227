using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CredSync.LocalOrg;

/// <summary>An answer built by a handler, written only after the session's changes are saved.</summary>
internal sealed class ApiResponse
{
    public const string JsonContentType = "application/json;charset=UTF-8";

    private ApiResponse(int status, JsonNode? body, IReadOnlyList<string> allow)
    {
        Status = status;
        Body = body;
        Allow = allow;
    }

    public int Status { get; }

    public JsonNode? Body { get; }

    public IReadOnlyList<string> Allow { get; }

    public static ApiResponse Ok(JsonNode body)
    {
        return new ApiResponse(StatusCodes.Status200OK, body, []);
    }

    public static ApiResponse Created(JsonNode body)
    {
        return new ApiResponse(StatusCodes.Status201Created, body, []);
    }

    public static ApiResponse NoContent()
    {
        return new ApiResponse(StatusCodes.Status204NoContent, null, []);
    }

    public static ApiResponse Error(ApiException error)
    {
        var body = new JsonArray(new JsonObject
        {
            ["errorCode"] = error.ErrorCode,
            ["message"] = error.Message,
        });

        return new ApiResponse(error.Status, body, error.AllowedMethods);
    }

    public async Task WriteAsync(HttpContext http)
    {
        http.Response.StatusCode = Status;
        if (Allow.Count > 0)
        {
            http.Response.Headers.Allow = string.Join(", ", Allow);
        }

        if (Body is null)
        {
            return;
        }

        http.Response.ContentType = JsonContentType;
        await http.Response.WriteAsync(Body.ToJsonString(), http.RequestAborted);
    }
}
