using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CredSync.LocalOrg;

namespace CredSync.Cli.Tests.Support;

/// <summary>
/// Talks to a local org directly over HTTP, as someone other than CredSync would (an admin in
/// Setup, a metadata deploy): to arrange an org before a test, and to look at it afterwards.
/// </summary>
public sealed class LocalOrgClient : IAsyncDisposable
{
    private readonly LocalOrgServer _server;
    private readonly HttpClient _http;

    private LocalOrgClient(LocalOrgServer server)
    {
        _server = server;
        _http = new HttpClient { BaseAddress = server.InstanceUrl };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.AccessToken);
    }

    public LocalOrgServer Server => _server;

    public static async Task<LocalOrgClient> StartAsync(string dataDirectory) =>
        new(await LocalOrgServer.StartAsync(new LocalOrgOptions { DataDirectory = dataDirectory }));

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, "/services/data/v66.0" + path);

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await _http.SendAsync(request);
    }

    public async Task<JsonNode?> GetJsonAsync(string path)
    {
        using var response = await SendAsync(HttpMethod.Get, path);
        var text = await response.Content.ReadAsStringAsync();

        return response.IsSuccessStatusCode ? JsonNode.Parse(text) : null;
    }

    public async Task<string> GetTextAsync(string path)
    {
        using var response = await SendAsync(HttpMethod.Get, path);

        return await response.Content.ReadAsStringAsync();
    }

    public async Task EnsureAsync(HttpMethod method, string path, JsonNode body)
    {
        using var response = await SendAsync(method, path, body);

        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }
}
