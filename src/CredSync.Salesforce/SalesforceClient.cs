using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace CredSync.Salesforce;

/// <summary>
/// Every request to an org goes through <see cref="SendAsync"/>: it adds the token, reads the
/// limit header, and turns Salesforce's error arrays into <see cref="SalesforceApiException"/>.
/// Request bodies are never logged.
/// </summary>
public sealed partial class SalesforceClient(HttpClient http, SalesforceConnection connection, ILogger logger)
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    public SalesforceConnection Connection => connection;

    public ApiUsage? Usage { get; private set; }

    /// <summary>Number of HTTP requests made, for reports and benchmarks.</summary>
    public int RequestCount { get; private set; }

    /// <summary>
    /// Sends one request. <paramref name="path"/> is absolute below the instance URL. Returns the
    /// parsed JSON body, or null for an empty one (204).
    /// </summary>
    public async Task<JsonNode?> SendAsync(
        HttpMethod method,
        string path,
        JsonNode? body,
        CancellationToken cancellationToken,
        bool authenticate = true)
    {
        var uri = new Uri(connection.InstanceUrl, path);
        var call = $"{method} {path}";
        using var request = new HttpRequestMessage(method, uri);

        if (authenticate)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", connection.AccessToken);
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(Compact), Encoding.UTF8, "application/json");
        }

        HttpResponseMessage response;
        RequestCount++;

        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new SalesforceConnectionException($"{call}: the org at {connection.InstanceUrl} could not be reached ({e.HttpRequestError}).", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SalesforceConnectionException($"{call}: the org at {connection.InstanceUrl} did not answer in time.", e);
        }

        using (response)
        {
            ReadUsage(response);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);

            Log.Response(logger, method.Method, path, (int)response.StatusCode);

            if (!response.IsSuccessStatusCode)
            {
                throw ToException(response.StatusCode, text, call);
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            try
            {
                return JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                throw new SalesforceConnectionException($"{call}: the answer from {connection.InstanceUrl} is not JSON; is this a Salesforce instance URL?");
            }
        }
    }

    private void ReadUsage(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Sforce-Limit-Info", out var values))
        {
            return;
        }

        var match = UsagePattern().Match(string.Join(",", values));

        if (match.Success)
        {
            Usage = new ApiUsage(
                long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
                long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Salesforce errors are a JSON array of {errorCode, message}; anything else is reported by status.</summary>
    private static SalesforceApiException ToException(HttpStatusCode status, string text, string call)
    {
        try
        {
            var node = JsonNode.Parse(text);
            var first = node is JsonArray { Count: > 0 } array ? array[0] : node;
            var code = first?["errorCode"]?.GetValue<string>() ?? first?["error"]?.GetValue<string>();
            var message = first?["message"]?.GetValue<string>() ?? first?["error_description"]?.GetValue<string>();

            if (code is not null)
            {
                return new SalesforceApiException(status, code, message ?? "", call);
            }
        }
        catch (JsonException)
        {
            // Not JSON: an edge proxy or a load balancer answered. Fall through to the status.
        }

        // The OAuth endpoints answer some errors as a bare code in plain text (Bad_OAuth_Token).
        var flat = Shorten(text);

        if (BareCode().IsMatch(flat))
        {
            return new SalesforceApiException(status, flat, "", call);
        }

        return new SalesforceApiException(status, status.ToString(), flat, call);
    }

    private static string Shorten(string text)
    {
        var flat = WhiteSpace().Replace(text, " ").Trim();

        return flat.Length <= 200 ? flat : flat[..200] + "...";
    }

    [GeneratedRegex(@"api-usage=(\d+)/(\d+)")]
    private static partial Regex UsagePattern();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]{2,60}$")]
    private static partial Regex BareCode();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    private static partial class Log
    {
        [LoggerMessage(EventId = 100, Level = LogLevel.Debug, Message = "{Method} {Path} answered {Status}")]
        public static partial void Response(ILogger logger, string method, string path, int status);
    }
}
