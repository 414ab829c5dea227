using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace CredSync.Salesforce;

/// <summary>
/// Every request to an org goes through <see cref="SendAsync"/>: it adds the token, reads the
/// limit header, retries transient faults where that is safe, and turns Salesforce's error
/// arrays into <see cref="SalesforceApiException"/>. Request bodies are never logged.
/// </summary>
public sealed partial class SalesforceClient
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    private readonly HttpClient _http;
    private readonly SalesforceConnection _connection;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _retry;

    public SalesforceClient(HttpClient http, SalesforceConnection connection, ILogger logger, TimeSpan? retryDelay = null)
    {
        _http = http;
        _connection = connection;
        _logger = logger;
        _retry = BuildRetry(retryDelay ?? TimeSpan.FromMilliseconds(500));
    }

    public SalesforceConnection Connection => _connection;

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
        var uri = new Uri(_connection.InstanceUrl, path);
        var call = $"{method} {path}";
        var json = body?.ToJsonString(Compact);

        async ValueTask<HttpResponseMessage> SendOnceAsync(CancellationToken token)
        {
            // A request message can be sent only once, so every attempt builds its own.
            using var request = new HttpRequestMessage(method, uri);

            if (authenticate)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _connection.AccessToken);
            }

            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

            if (json is not null)
            {
                request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            }

            RequestCount++;

            return await _http.SendAsync(request, token);
        }

        HttpResponseMessage response;

        try
        {
            // POST creates: after a fault nobody knows whether it was made, so it is never
            // repeated blindly. The next plan sees what the org holds and converges.
            response = method == HttpMethod.Post
                ? await SendOnceAsync(cancellationToken)
                : await _retry.ExecuteAsync(SendOnceAsync, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new SalesforceConnectionException($"{call}: the org at {_connection.InstanceUrl} could not be reached ({e.HttpRequestError}).", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SalesforceConnectionException($"{call}: the org at {_connection.InstanceUrl} did not answer in time.", e);
        }

        using (response)
        {
            ReadUsage(response);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);

            Log.Response(_logger, method.Method, path, (int)response.StatusCode);

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
                throw new SalesforceConnectionException($"{call}: the answer from {_connection.InstanceUrl} is not JSON; is this a Salesforce instance URL?");
            }
        }
    }

    private ResiliencePipeline<HttpResponseMessage> BuildRetry(TimeSpan delay) =>
        new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = 3,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = delay,
                MaxDelay = TimeSpan.FromSeconds(30),
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
                OnRetry = args =>
                {
                    var reason = args.Outcome.Result is { } r ? ((int)r.StatusCode).ToString(CultureInfo.InvariantCulture) : args.Outcome.Exception?.GetType().Name ?? "fault";
                    Log.Retrying(_logger, args.AttemptNumber + 1, reason, args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

    /// <summary>
    /// Faults worth another try: a dropped or refused connection, a timeout, 429 and 5xx.
    /// 403 REQUEST_LIMIT_EXCEEDED is not one: the daily allocation does not come back in seconds.
    /// </summary>
    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException } => true,
        { Exception: TimeoutException } => true,
        { Exception: TaskCanceledException e } => e.InnerException is TimeoutException,
        { Result: { } response } => (int)response.StatusCode is 429 or 500 or 502 or 503 or 504,
        _ => false,
    };

    private static TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        var header = response?.Headers.RetryAfter;

        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.FromSeconds(30) ? delta : TimeSpan.FromSeconds(30);
        }

        return null;
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
            // Anything but an object with string fields (a bare string, a number) is not an error
            // Salesforce wrote; it is reported by status like a non-JSON body.
            var first = (node is JsonArray { Count: > 0 } array ? array[0] : node) as JsonObject;
            var code = Text(first?["errorCode"]) ?? Text(first?["error"]);
            var message = Text(first?["message"]) ?? Text(first?["error_description"]);

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

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

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

        [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Retrying (attempt {Attempt}) after {Reason}; waiting {DelayMs} ms")]
        public static partial void Retrying(ILogger logger, int attempt, string reason, double delayMs);
    }
}
