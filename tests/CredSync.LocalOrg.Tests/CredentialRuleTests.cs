using System.Net;

namespace CredSync.LocalOrg.Tests;

public sealed class CredentialRuleTests
{
    [Theory]
    [InlineData("OAuth", "refreshToken", true, "'refreshToken'")]
    [InlineData("OAuth", "clientSecret", false, "'clientSecret'")]
    [InlineData("OAuth", "clientId", true, "'clientId'")]
    [InlineData("Basic", "password", false, "'password'")]
    [InlineData("Basic", "token", true, "'token'")]
    [InlineData("AwsSv4", "awsSecretAccessKey", false, "'awsSecretAccessKey'")]
    [InlineData("AwsSv4", "awsRegion", false, "'awsRegion'")]
    public async Task Post_KeyOutsideTheRules_Answers400NamingTheKey(
        string protocol,
        string key,
        bool encrypted,
        string named)
    {
        await using var org = await TestOrg.StartAsync();
        await org.CreateEcAsync("Ec", protocol, Bodies.Principal("P"));

        var body = Bodies.Credential("Ec", "P", protocol, (key, encrypted, "v"));

        var result = await org.PostAsync(TestOrg.Credential, body);

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal("INVALID_API_INPUT", result.ErrorCode);
        Assert.Contains(named, result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Custom", "anything", false)]
    [InlineData("Custom", "anything", true)]
    [InlineData("Jwt", "whatever", true)]
    [InlineData("AwsSv4", "awsAccessKeyId", false)]
    [InlineData("AwsSv4", "awsRoleArn", false)]
    [InlineData("Basic", "username", false)]
    public async Task Post_KeyWithinTheRules_IsAccepted(string protocol, string key, bool encrypted)
    {
        await using var org = await TestOrg.StartAsync();
        await org.CreateEcAsync("Ec", protocol, Bodies.Principal("P"));

        var body = Bodies.Credential("Ec", "P", protocol, (key, encrypted, "v"));

        var result = await org.PostAsync(TestOrg.Credential, body);

        Assert.Equal(HttpStatusCode.Created, result.Status);
    }

    [Theory]
    [InlineData("OAuth", null, "clientId", "NotConfigured")]
    [InlineData("OAuth", null, "clientId,clientSecret", "Configured")]
    [InlineData("OAuth", "ClientCredentialsJwtAssertion", "clientId", "Configured")]
    [InlineData("Basic", null, "username", "NotConfigured")]
    [InlineData("Basic", null, "username,password", "Configured")]
    [InlineData("AwsSv4", null, "awsAccessKeyId,awsSecretAccessKey", "Configured")]
    [InlineData("AwsSv4", null, "awsRoleArn", "NotConfigured")]
    [InlineData("AwsSv4", "RolesAnywhere", "awsRoleArn", "Configured")]
    [InlineData("Jwt", null, "anything", "Configured")]
    public async Task Status_FollowsTheProtocolsRequiredKeys(
        string protocol,
        string? variant,
        string keys,
        string status)
    {
        await using var org = await TestOrg.StartAsync();
        var ec = Bodies.ExternalCredential("Ec", protocol, Bodies.Principal("P"));
        ec["authenticationProtocolVariant"] = variant;
        TestOrg.Ok(await org.PostAsync(TestOrg.Ecs, ec));
        string[] secretKeys = ["clientSecret", "password", "awsSecretAccessKey"];
        var entries = keys.Split(',').Select(k => (k, secretKeys.Contains(k), "v")).ToArray();

        var body = Bodies.Credential("Ec", "P", protocol, entries);

        var result = await org.PostAsync(TestOrg.Credential, body);

        Assert.Equal(HttpStatusCode.Created, result.Status);
        Assert.Equal(status, result.Json["authenticationStatus"].Text());
    }
}
