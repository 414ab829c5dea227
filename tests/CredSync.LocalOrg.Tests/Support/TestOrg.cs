using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace CredSync.LocalOrg.Tests;

/// <summary>A local org on a free port over a temp folder, and an HTTP client for it.</summary>
internal sealed class TestOrg : IAsyncDisposable
{
    public const string V = "/services/data/v66.0";
    public const string Ecs = V + "/named-credentials/external-credentials";
    public const string Ncs = V + "/named-credentials/named-credential-setup";
    public const string Credential = V + "/named-credentials/credential";

    private readonly TempFolder? _folder;

    private TestOrg(LocalOrgServer server, TempFolder? folder)
    {
        Server = server;
        _folder = folder;
        Http = new HttpClient { BaseAddress = server.InstanceUrl };
    }

    public LocalOrgServer Server { get; }

    public HttpClient Http { get; }

    public string DataDirectory => Server.DataDirectory;

    /// <summary>Starts an org over a new temp folder that is deleted on dispose.</summary>
    public static Task<TestOrg> StartAsync(Func<string, LocalOrgOptions>? options = null)
    {
        var folder = new TempFolder();

        return StartAsync(folder.DataDirectory, options, folder);
    }

    /// <summary>Starts an org over a folder the caller owns and deletes.</summary>
    public static Task<TestOrg> StartOverAsync(
        string dataDirectory,
        Func<string, LocalOrgOptions>? options = null)
    {
        return StartAsync(dataDirectory, options, folder: null);
    }

    public Task<ApiResult> GetAsync(string path, string? token = null)
    {
        return SendAsync(HttpMethod.Get, path, body: null, token);
    }

    public Task<ApiResult> PostAsync(string path, JsonNode body)
    {
        return SendAsync(HttpMethod.Post, path, body.ToJsonString());
    }

    public Task<ApiResult> PutAsync(string path, JsonNode body)
    {
        return SendAsync(HttpMethod.Put, path, body.ToJsonString());
    }

    public Task<ApiResult> PatchAsync(string path, JsonNode body)
    {
        return SendAsync(HttpMethod.Patch, path, body.ToJsonString());
    }

    public Task<ApiResult> DeleteAsync(string path)
    {
        return SendAsync(HttpMethod.Delete, path, body: null);
    }

    /// <summary>Sends a request with the org's token, or <paramref name="token"/> ("" for none).</summary>
    public async Task<ApiResult> SendAsync(
        HttpMethod method,
        string path,
        string? body,
        string? token = null)
    {
        using var request = new HttpRequestMessage(method, path);
        var bearer = token ?? Server.AccessToken;
        if (bearer.Length > 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        return new ApiResult(response.StatusCode, text, response.Headers);
    }

    /// <summary>Creates a Custom external credential with one named principal.</summary>
    public async Task SeedCustomAsync(string ec = "Stripe", string principal = "Default")
    {
        await CreateEcAsync(ec, "Custom", Bodies.Principal(principal));
    }

    /// <summary>Creates an external credential, failing the test if that fails.</summary>
    public async Task<ApiResult> CreateEcAsync(
        string name,
        string protocol,
        params JsonObject[] principals)
    {
        return Ok(await PostAsync(Ecs, Bodies.ExternalCredential(name, protocol, principals)));
    }

    /// <summary>Whether the principal (Stripe/Default unless named) holds this value.</summary>
    public Task<bool> HoldsAsync(
        string key,
        string value,
        string ec = "Stripe",
        string principal = "Default")
    {
        return Server.CredentialValueEqualsAsync(ec, principal, key, value);
    }

    public static string CredentialQuery(string ec, string principal, string type = "NamedPrincipal")
    {
        return $"{Credential}?externalCredential={ec}&principalName={principal}&principalType={type}";
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        _folder?.Dispose();
    }

    /// <summary>Fails with the body when the answer is not a 2xx.</summary>
    public static ApiResult Ok(ApiResult result)
    {
        Assert.True((int)result.Status is >= 200 and < 300, $"{(int)result.Status}: {result.Body}");

        return result;
    }

    private static async Task<TestOrg> StartAsync(
        string dataDirectory,
        Func<string, LocalOrgOptions>? options,
        TempFolder? folder)
    {
        var settings = options?.Invoke(dataDirectory)
            ?? new LocalOrgOptions { DataDirectory = dataDirectory };
        try
        {
            return new TestOrg(await LocalOrgServer.StartAsync(settings), folder);
        }
        catch
        {
            folder?.Dispose();
            throw;
        }
    }
}
