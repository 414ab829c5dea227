using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using CredSync.Salesforce.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace CredSync.Salesforce.Tests;

public sealed class SalesforceClientTests
{
    private const string Ecs = "/services/data/v66.0/named-credentials/external-credentials";

    // Transient answers (5xx, a refused connection) are retried; a short delay keeps these tests quick.
    private static readonly TimeSpan Retries = TimeSpan.FromMilliseconds(1);

    private static SalesforceClient CreateSut(StubHandler handler, string token = "tok") =>
        new(new HttpClient(handler), SalesforceConnection.Create("https://acme.my.salesforce.com", token),
            NullLogger.Instance, Retries);

    [Fact]
    public async Task SendAsync_ErrorArray_ThrowsWithStatusCodeAndCall()
    {
        await using var org = await TestOrg.StartAsync();
        var sut = org.Client;

        var e = await Assert.ThrowsAsync<SalesforceApiException>(() => sut.SendAsync(HttpMethod.Get,
            Ecs + "/Missing", null, CancellationToken.None));

        Assert.Equal(HttpStatusCode.NotFound, e.Status);
        Assert.Equal("NOT_FOUND", e.ErrorCode);
        Assert.Equal("GET " + Ecs + "/Missing", e.Call);
        Assert.True(e.IsNotFound);
        Assert.StartsWith($"GET {Ecs}/Missing failed: 404 NOT_FOUND: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_BadToken_InvalidSession()
    {
        await using var org = await TestOrg.StartAsync();
        var sut = new SalesforceClient(org.Http, SalesforceConnection.Create(org.Server.InstanceUrl.ToString(),
            "00Dwrong!token"), NullLogger.Instance);

        var e = await Assert.ThrowsAsync<SalesforceApiException>(() => sut.SendAsync(HttpMethod.Get, Ecs, null,
            CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, e.Status);
        Assert.Equal("INVALID_SESSION_ID", e.ErrorCode);
    }

    [Fact]
    public async Task SendAsync_LimitHeader_ParsedIntoUsage()
    {
        await using var org = await TestOrg.StartAsync(dailyLimit: 1234);
        var sut = org.Client;
        await org.Server.SetApiUsageAsync(500);

        Assert.Null(sut.Usage);
        await sut.SendAsync(HttpMethod.Get, Ecs, null, CancellationToken.None);

        Assert.Equal(new ApiUsage(501, 1234), sut.Usage);
        Assert.Equal(1, sut.RequestCount);
    }

    [Fact]
    public async Task SendAsync_LimitHeaderOnAnError_StillParsed()
    {
        await using var org = await TestOrg.StartAsync(dailyLimit: 50);
        var sut = org.Client;

        await Assert.ThrowsAsync<SalesforceApiException>(() => sut.SendAsync(HttpMethod.Get, Ecs + "/Missing", null,
            CancellationToken.None));

        Assert.Equal(new ApiUsage(1, 50), sut.Usage);
    }

    [Fact]
    public async Task SendAsync_Success_ReturnsJsonAndSendsBearerToken()
    {
        var handler = new StubHandler((_, _) => StubHandler.Respond(HttpStatusCode.OK, "{\"a\": 1}"));
        var sut = CreateSut(handler, "00D!secret-token");

        var node = await sut.SendAsync(HttpMethod.Get, "/services/data/v66.0/x", null, CancellationToken.None);

        Assert.Equal(1, node!["a"]!.GetValue<int>());
        var request = Assert.Single(handler.Seen).Request;
        Assert.Equal("Bearer", request.Headers.Authorization!.Scheme);
        Assert.Equal("00D!secret-token", request.Headers.Authorization.Parameter);
        Assert.Equal("https://acme.my.salesforce.com/services/data/v66.0/x", request.RequestUri!.ToString());
    }

    [Fact]
    public async Task SendAsync_Unauthenticated_SendsNoToken()
    {
        var handler = new StubHandler((_, _) => StubHandler.Respond(HttpStatusCode.OK, "[]"));
        var sut = CreateSut(handler);

        await sut.SendAsync(HttpMethod.Get, "/services/data/", null, CancellationToken.None, authenticate: false);

        Assert.Null(Assert.Single(handler.Seen).Request.Headers.Authorization);
    }

    [Fact]
    public async Task SendAsync_Body_SentAsCompactJson()
    {
        var handler = new StubHandler((_, _) => new HttpResponseMessage(HttpStatusCode.NoContent));
        var sut = CreateSut(handler);

        var node = await sut.SendAsync(HttpMethod.Post, "/x", new JsonObject { ["k"] = "v" }, CancellationToken.None);

        Assert.Null(node);
        Assert.Equal("{\"k\":\"v\"}", Assert.Single(handler.Seen).Body);
        Assert.Equal("application/json", handler.Seen[0].Request.Content!.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task SendAsync_NonJsonErrorBody_ReportedByStatus()
    {
        var handler = new StubHandler((_, _) => StubHandler.Respond(
            HttpStatusCode.BadGateway, "<html>\n  <body>Bad   gateway</body>\n</html>", "text/html"));
        var sut = CreateSut(handler);

        var e = await Assert.ThrowsAsync<SalesforceApiException>(() => sut.SendAsync(HttpMethod.Get,
            "/services/data/v66.0/x", null, CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadGateway, e.Status);
        Assert.Equal("BadGateway", e.ErrorCode);
        Assert.Equal("<html> <body>Bad gateway</body> </html>", e.ErrorMessage);
        Assert.Equal("GET /services/data/v66.0/x", e.Call);
    }

    [Fact]
    public async Task SendAsync_LongNonJsonErrorBody_Shortened()
    {
        var handler = new StubHandler((_, _) => StubHandler.Respond(HttpStatusCode.InternalServerError,
            new string('x', 1000), "text/plain"));
        var sut = CreateSut(handler);

        var e = await Assert.ThrowsAsync<SalesforceApiException>(() => sut.SendAsync(HttpMethod.Get, "/x", null,
            CancellationToken.None));

        Assert.Equal(203, e.ErrorMessage.Length);
        Assert.EndsWith("...", e.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"Service Unavailable\"")]
    [InlineData("503")]
    [InlineData("[\"down\"]")]
    [InlineData("[{\"errorCode\": 42}]")]
    [InlineData("")]
    public async Task SendAsync_JsonErrorBodyNotSalesforceShaped_ReportedByStatus(string body)
    {
        var handler = new StubHandler((_, _) => StubHandler.Respond(HttpStatusCode.ServiceUnavailable, body));
        var sut = CreateSut(handler);

        var e = await Assert.ThrowsAsync<SalesforceApiException>(() => sut.SendAsync(HttpMethod.Get, "/x", null,
            CancellationToken.None));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, e.Status);
        Assert.Equal("ServiceUnavailable", e.ErrorCode);
        Assert.Equal(4, handler.Seen.Count);
    }

    [Fact]
    public async Task SendAsync_OAuthStyleError_ReadsErrorAndDescription()
    {
        var handler = new StubHandler((_, _) => StubHandler.Respond(HttpStatusCode.BadRequest,
            "{\"error\":\"invalid_grant\",\"error_description\":\"expired\"}"));
        var sut = CreateSut(handler);

        var e = await Assert.ThrowsAsync<SalesforceApiException>(() => sut.SendAsync(HttpMethod.Post,
            "/services/oauth2/token", null, CancellationToken.None));

        Assert.Equal(("invalid_grant", "expired"), (e.ErrorCode, e.ErrorMessage));
    }

    [Fact]
    public async Task SendAsync_SuccessThatIsNotJson_ConnectionException()
    {
        var handler = new StubHandler((_, _) => StubHandler.Respond(HttpStatusCode.OK, "<html>login</html>",
            "text/html"));
        var sut = CreateSut(handler);

        var e = await Assert.ThrowsAsync<SalesforceConnectionException>(() => sut.SendAsync(HttpMethod.Get,
            "/services/data/", null, CancellationToken.None));

        Assert.Contains("is not JSON", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_NothingListening_ConnectionException()
    {
        // A port that was free a moment ago on loopback: nothing answers there.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var http = new HttpClient();
        var sut = new SalesforceClient(http, SalesforceConnection.Create($"http://127.0.0.1:{port}", "t"),
            NullLogger.Instance, Retries);

        var e = await Assert.ThrowsAsync<SalesforceConnectionException>(() => sut.SendAsync(HttpMethod.Get,
            "/services/data/", null, CancellationToken.None));

        Assert.Contains("could not be reached", e.Message, StringComparison.Ordinal);
    }
}
