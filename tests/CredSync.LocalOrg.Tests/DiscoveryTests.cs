using System.Net;
using System.Text.Json.Nodes;

namespace CredSync.LocalOrg.Tests;

public sealed class DiscoveryTests
{
    [Fact]
    public async Task Versions_WithoutToken_ListsEveryVersionFrom56ToTheNewest()
    {
        await using var org = await TestOrg.StartAsync(dir => new LocalOrgOptions
        {
            DataDirectory = dir,
            MaxApiVersion = "60.0",
        });

        var result = await org.GetAsync("/services/data/", token: "");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Null(result.LimitInfo);
        var versions = result.Json.AsArray();
        Assert.Equal(
            ["56.0", "57.0", "58.0", "59.0", "60.0"],
            versions.Select(v => v!["version"].Text()));
        Assert.Equal("/services/data/v60.0", versions[^1]!["url"].Text());
        Assert.Equal("Winter '23", versions[0]!["label"].Text());
        Assert.Equal("Spring '24", versions[^1]!["label"].Text());
    }

    [Fact]
    public async Task Versions_AreNotCountedAgainstTheAllocation()
    {
        await using var org = await TestOrg.StartAsync();
        await org.GetAsync("/services/data/", token: "");
        await org.GetAsync("/services/data", token: "");

        var result = await org.GetAsync(TestOrg.V);

        Assert.Equal("api-usage=1/15000", result.LimitInfo);
    }

    [Fact]
    public async Task ResourceMap_ListsNamedCredentials()
    {
        await using var org = await TestOrg.StartAsync();

        var result = await org.GetAsync(TestOrg.V);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal(TestOrg.V + "/named-credentials", result.Json["named-credentials"].Text());
    }

    [Fact]
    public async Task UserInfo_WithToken_NamesTheUserAndTheOrg()
    {
        await using var org = await TestOrg.StartAsync();

        var result = await org.GetAsync("/services/oauth2/userinfo");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal(org.Server.UserId, result.Json["user_id"].Text());
        Assert.Equal(org.Server.OrganizationId, result.Json["organization_id"].Text());
        Assert.Equal(org.Server.Username, result.Json["preferred_username"].Text());
        Assert.NotNull(result.Json["name"]);
        Assert.NotNull(result.Json["email"]);
        Assert.Null(result.LimitInfo);
    }

    [Fact]
    public async Task UserInfo_WithWrongToken_IsRefused()
    {
        await using var org = await TestOrg.StartAsync();

        var result = await org.GetAsync("/services/oauth2/userinfo", token: "00Dwrong!token");

        Assert.Equal(HttpStatusCode.Forbidden, result.Status);
        Assert.Equal("Bad_OAuth_Token", result.Body);
    }

    [Theory]
    [InlineData("")]
    [InlineData("00D000000000000!not-the-token")]
    public async Task Api_WithoutTheOrgsToken_Answers401InvalidSession(string token)
    {
        await using var org = await TestOrg.StartAsync();

        var result = await org.GetAsync(TestOrg.Ecs, token);

        Assert.Equal(HttpStatusCode.Unauthorized, result.Status);
        Assert.Equal("INVALID_SESSION_ID", result.ErrorCode);
        Assert.Equal("Session expired or invalid", result.Message);
        Assert.Null(result.LimitInfo);
    }

    [Fact]
    public async Task Server_TokenAndIds_HaveSalesforceShapes()
    {
        await using var org = await TestOrg.StartAsync();

        Assert.Matches("^00D[0-9A-Za-z]{15}$", org.Server.OrganizationId);
        Assert.Matches("^005[0-9A-Za-z]{15}$", org.Server.UserId);
        var tokenPrefix = org.Server.OrganizationId[..15] + "!";
        Assert.StartsWith(tokenPrefix, org.Server.AccessToken, StringComparison.Ordinal);
        Assert.Equal("127.0.0.1", org.Server.InstanceUrl.Host);
        Assert.NotEqual(0, org.Server.InstanceUrl.Port);
    }

    [Theory]
    [InlineData("/services/data/v67.0/limits", HttpStatusCode.NotFound, "NOT_FOUND")]
    [InlineData("/services/data/v66.1/limits", HttpStatusCode.NotFound, "NOT_FOUND")]
    [InlineData("/services/data/66.0/limits", HttpStatusCode.NotFound, "NOT_FOUND")]
    [InlineData("/services/data/v30.0/limits", HttpStatusCode.Gone, "GONE")]
    [InlineData("/services/data/v66.0/no-such-resource", HttpStatusCode.NotFound, "NOT_FOUND")]
    [InlineData(TestOrg.Credential + "/", HttpStatusCode.NotFound, "NOT_FOUND")]
    public async Task Api_UnservedPaths_AnswerErrorArrays(
        string path,
        HttpStatusCode status,
        string errorCode)
    {
        await using var org = await TestOrg.StartAsync();

        var result = await org.GetAsync(path);

        Assert.Equal(status, result.Status);
        Assert.Equal(errorCode, result.ErrorCode);
        Assert.NotNull(result.LimitInfo);
    }

    [Fact]
    public async Task Api_MethodTheResourceLacks_Answers405WithAllowedMethods()
    {
        await using var org = await TestOrg.StartAsync();

        var result = await org.PatchAsync(TestOrg.Ecs, new JsonObject());

        Assert.Equal(HttpStatusCode.MethodNotAllowed, result.Status);
        Assert.Equal("METHOD_NOT_ALLOWED", result.ErrorCode);
        Assert.Contains("GET,POST", result.Message, StringComparison.Ordinal);
    }
}
