using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace CredSync.LocalOrg.Tests;

/// <summary>A response read in full: status, body text and headers.</summary>
internal sealed record ApiResult(HttpStatusCode Status, string Body, HttpResponseHeaders Headers)
{
    public JsonNode Json =>
        JsonNode.Parse(Body) ?? throw new InvalidOperationException("The body is JSON null.");

    /// <summary>The errorCode of a Salesforce error array.</summary>
    public string ErrorCode => Error("errorCode");

    /// <summary>The message of a Salesforce error array.</summary>
    public string Message => Error("message");

    public string? LimitInfo =>
        Headers.TryGetValues("Sforce-Limit-Info", out var values) ? string.Join(",", values) : null;

    private string Error(string field)
    {
        var array = Json as JsonArray
            ?? throw new InvalidOperationException($"Expected an error array, got: {Body}");

        return array.Single()![field]!.GetValue<string>();
    }
}
