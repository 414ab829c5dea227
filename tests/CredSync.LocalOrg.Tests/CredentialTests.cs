using System.Net;
using System.Text.Json.Nodes;

namespace CredSync.LocalOrg.Tests;

public sealed class CredentialTests
{
    private static readonly string Query = TestOrg.CredentialQuery("Stripe", "Default");

    [Fact]
    public async Task Get_PrincipalWithoutValues_ShowsAnEmptyMapAndNotConfigured()
    {
        await using var org = await TestOrg.StartAsync();
        await org.SeedCustomAsync();

        var result = await org.GetAsync(Query);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Empty(result.Json["credentials"]!.AsObject());
        Assert.Equal("NotConfigured", result.Json["authenticationStatus"].Text());
        Assert.Equal("Custom", result.Json["authenticationProtocol"].Text());
        Assert.Equal("Stripe", result.Json["externalCredential"].Text());
        Assert.Equal("Default", result.Json["principalName"].Text());
        Assert.Equal("NamedPrincipal", result.Json["principalType"].Text());
        Assert.True(result.Json.AsObject().ContainsKey("authenticationProtocolVariant"));
    }

    [Fact]
    public async Task Post_NewValues_Returns201AndConfigured()
    {
        await using var org = await TestOrg.StartAsync();
        await org.SeedCustomAsync();

        var result = await org.PostAsync(
            TestOrg.Credential,
            Bodies.Custom(("ApiKey", true, "sk_1"), ("Account", false, "acct_9")));

        Assert.Equal(HttpStatusCode.Created, result.Status);
        Assert.Equal("Configured", result.Json["authenticationStatus"].Text());
        var credentials = result.Json["credentials"]!;
        Assert.True(credentials["ApiKey"]!["encrypted"].Bool());
        Assert.Equal("acct_9", credentials["Account"]!["value"].Text());
        Assert.Equal(1, credentials["Account"]!["revision"].Int());
        Assert.True(await org.HoldsAsync("ApiKey", "sk_1"));
        var ec = await org.GetAsync(TestOrg.Ecs + "/Stripe");
        Assert.Equal("Configured", ec.Json["authenticationStatus"].Text());
        Assert.Equal("Configured", ec.Json["principals"]![0]!["authenticationStatus"].Text());
    }

    [Fact]
    public async Task Post_WhenValuesExist_Answers400DuplicateValue()
    {
        await using var org = await TestOrg.StartAsync();
        await org.SeedCustomAsync();
        var body = Bodies.Custom(("ApiKey", true, "sk_1"));
        TestOrg.Ok(await org.PostAsync(TestOrg.Credential, body));

        var result = await org.PostAsync(TestOrg.Credential, body);

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal("DUPLICATE_VALUE", result.ErrorCode);
        Assert.Contains("PUT", result.Message, StringComparison.Ordinal);
        Assert.Contains("PATCH", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Patch_ChangesOnlyTheKeysSent()
    {
        await using var org = await TestOrg.StartAsync();
        await org.SeedCustomAsync();
        TestOrg.Ok(await org.PostAsync(
            TestOrg.Credential,
            Bodies.Custom(("ApiKey", true, "old"), ("ApiSecret", true, "keep"))));

        var result = await org.PatchAsync(
            TestOrg.Credential,
            Bodies.Custom(("ApiKey", true, "new"), ("Region", false, "eu")));

        Assert.Equal(HttpStatusCode.OK, result.Status);
        var credentials = result.Json["credentials"]!.AsObject();
        Assert.Equal(["ApiKey", "ApiSecret", "Region"], credentials.Select(e => e.Key));
        Assert.Equal(2, credentials["ApiKey"]!["revision"].Int());
        Assert.Equal(1, credentials["ApiSecret"]!["revision"].Int());
        Assert.True(await org.HoldsAsync("ApiKey", "new"));
        Assert.True(await org.HoldsAsync("ApiSecret", "keep"));
    }

    [Fact]
    public async Task Patch_OnOAuth_IsRefused()
    {
        await using var org = await TestOrg.StartAsync();
        await org.CreateEcAsync("Auth", "OAuth", Bodies.Principal("Default"));
        var body = Bodies.Credential(
            "Auth",
            "Default",
            "OAuth",
            ("clientId", false, "id"),
            ("clientSecret", true, "s"));
        TestOrg.Ok(await org.PostAsync(TestOrg.Credential, body));

        var result = await org.PatchAsync(TestOrg.Credential, body);

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal("INVALID_API_INPUT", result.ErrorCode);
        Assert.StartsWith(
            "PATCH is supported only for custom protocols",
            result.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Patch_BeforeAnyValues_IsRefused()
    {
        await using var org = await TestOrg.StartAsync();
        await org.SeedCustomAsync();

        var result = await org.PatchAsync(
            TestOrg.Credential,
            Bodies.Custom(("ApiKey", true, "sk_1")));

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal("INVALID_API_INPUT", result.ErrorCode);
        Assert.Equal("No existing credentials to update", result.Message);
    }

    [Fact]
    public async Task Patch_AtVersion58_IsRejected()
    {
        await using var org = await TestOrg.StartAsync();
        await org.SeedCustomAsync();
        TestOrg.Ok(await org.PostAsync(
            TestOrg.Credential,
            Bodies.Custom(("ApiKey", true, "sk_1"))));

        var result = await org.PatchAsync(
            "/services/data/v58.0/named-credentials/credential",
            Bodies.Custom(("ApiKey", true, "sk_2")));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, result.Status);
        Assert.Equal("METHOD_NOT_ALLOWED", result.ErrorCode);
        Assert.EndsWith("Allowed are GET,POST,PUT,DELETE", result.Message, StringComparison.Ordinal);
        Assert.True(await org.HoldsAsync("ApiKey", "sk_1"));
    }

    [Fact]
    public async Task Put_RemovesTheKeysNotSent()
    {
        await using var org = await TestOrg.StartAsync();
        await org.SeedCustomAsync();
        TestOrg.Ok(await org.PostAsync(
            TestOrg.Credential,
            Bodies.Custom(("ApiKey", true, "a"), ("ApiSecret", true, "b"))));

        var result = await org.PutAsync(
            TestOrg.Credential,
            Bodies.Custom(("ApiKey", true, "c")));

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal(["ApiKey"], result.Json["credentials"].Keys());
        Assert.False(await org.HoldsAsync("ApiSecret", "b"));
    }

    [Fact]
    public async Task Delete_WithAuthenticationParameters_RemovesOnlyThoseKeys()
    {
        await using var org = await TestOrg.StartAsync();
        await org.SeedCustomAsync();
        TestOrg.Ok(await org.PostAsync(
            TestOrg.Credential,
            Bodies.Credential(
                "Stripe",
                "Default",
                "Custom",
                ("A", true, "1"),
                ("B", false, "2"),
                ("C", true, "3"))));

        var result = await org.DeleteAsync(Query + "&authenticationParameters=A,C");
        var after = await org.GetAsync(Query);

        Assert.Equal(HttpStatusCode.NoContent, result.Status);
        Assert.Equal(["B"], after.Json["credentials"].Keys());
    }

    [Fact]
    public async Task Delete_WithoutAuthenticationParameters_RemovesEveryValue()
    {
        await using var org = await TestOrg.StartAsync();
        await org.SeedCustomAsync();
        TestOrg.Ok(await org.PostAsync(
            TestOrg.Credential,
            Bodies.Custom(("A", true, "1"), ("B", false, "2"))));

        var result = await org.DeleteAsync(Query);
        var after = await org.GetAsync(Query);

        Assert.Equal(HttpStatusCode.NoContent, result.Status);
        Assert.Empty(after.Json["credentials"]!.AsObject());
        Assert.Equal("NotConfigured", after.Json["authenticationStatus"].Text());
    }

    [Fact]
    public async Task Delete_AuthenticationParametersBeforeVersion59_IsRefused()
    {
        await using var org = await TestOrg.StartAsync();
        await org.SeedCustomAsync();
        TestOrg.Ok(await org.PostAsync(
            TestOrg.Credential,
            Bodies.Custom(("A", true, "1"))));
        var query = Query.Replace("v66.0", "v58.0", StringComparison.Ordinal);

        var result = await org.DeleteAsync(query + "&authenticationParameters=A");

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Contains("authenticationParameters", result.Message, StringComparison.Ordinal);
        Assert.True(await org.HoldsAsync("A", "1"));
    }

    [Fact]
    public async Task Delete_AuthenticationParametersOnBasic_IsRefused()
    {
        await using var org = await TestOrg.StartAsync();
        await org.CreateEcAsync("Legacy", "Basic", Bodies.Principal("Default"));

        var query = TestOrg.CredentialQuery("Legacy", "Default");

        var result = await org.DeleteAsync(query + "&authenticationParameters=password");

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Contains("custom protocols", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_UnknownExternalCredential_Answers404WithSalesforcesMessage()
    {
        await using var org = await TestOrg.StartAsync();

        var result = await org.GetAsync(TestOrg.CredentialQuery("Nope", "Default"));

        Assert.Equal(HttpStatusCode.NotFound, result.Status);
        Assert.Equal("NOT_FOUND", result.ErrorCode);
        Assert.Equal(
            "The externalCredential parameter value doesn't exist or you may not have permission " +
            "to access it.",
            result.Message);
    }

    [Theory]
    [InlineData("Nobody", "NamedPrincipal")]
    [InlineData("Default", "PerUserPrincipal")]
    public async Task Get_UnknownPrincipalOrWrongType_Answers404NamingIt(string principal, string type)
    {
        await using var org = await TestOrg.StartAsync();
        await org.SeedCustomAsync();

        var result = await org.GetAsync(TestOrg.CredentialQuery("Stripe", principal, type));

        Assert.Equal(HttpStatusCode.NotFound, result.Status);
        Assert.Contains($"'{principal}'", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PerUserPrincipal_WithoutName_ActsOnTheFirstPerUserPrincipal()
    {
        await using var org = await TestOrg.StartAsync();
        TestOrg.Ok(await org.PostAsync(
            TestOrg.Ecs,
            Bodies.ExternalCredential(
                "Legacy",
                "Basic",
                Bodies.Principal("Shared", sequence: 1),
                Bodies.Principal("Later", "PerUserPrincipal", sequence: 3),
                Bodies.Principal("Mine", "PerUserPrincipal", sequence: 2))));
        var body = Bodies.Credential(
            "Legacy",
            "ignored",
            "Basic",
            ("username", false, "me"),
            ("password", true, "pw"));
        body.Remove("principalName");
        body["principalType"] = "PerUserPrincipal";

        var created = await org.PostAsync(TestOrg.Credential, body);
        var read = await org.GetAsync(
            TestOrg.Credential + "?externalCredential=Legacy&principalType=PerUserPrincipal");

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal("Mine", created.Json["principalName"].Text());
        Assert.Equal("Mine", read.Json["principalName"].Text());
        Assert.Equal("Configured", read.Json["authenticationStatus"].Text());
    }

    [Fact]
    public async Task EveryWrite_BumpsThePrincipalsRevision()
    {
        await using var org = await TestOrg.StartAsync();
        await org.SeedCustomAsync();
        TestOrg.Ok(await org.PostAsync(TestOrg.Credential, Bodies.Custom(("A", true, "1"))));
        TestOrg.Ok(await org.PutAsync(TestOrg.Credential, Bodies.Custom(("A", true, "2"))));
        TestOrg.Ok(await org.DeleteAsync(Query + "&authenticationParameters=Missing"));

        var result = await org.PatchAsync(
            TestOrg.Credential,
            Bodies.Custom(("B", false, "3")));

        Assert.Equal(2, result.Json["credentials"]!["A"]!["revision"].Int());
        Assert.Equal(4, result.Json["credentials"]!["B"]!["revision"].Int());
    }

    [Fact]
    public async Task Resource_BeforeVersion56_Answers404()
    {
        await using var org = await TestOrg.StartAsync();

        var result = await org.GetAsync(Query.Replace("v66.0", "v55.0", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NotFound, result.Status);
        Assert.Equal("NOT_FOUND", result.ErrorCode);
    }

    [Fact]
    public async Task Variant_BeforeVersion57_IsRefusedAndNotShown()
    {
        await using var org = await TestOrg.StartAsync();
        await org.SeedCustomAsync();
        const string v56 = "/services/data/v56.0/named-credentials/credential";
        var body = Bodies.Custom(("A", true, "1"));
        body["authenticationProtocolVariant"] = "NoAuthentication";

        var refused = await org.PostAsync(v56, body);
        body.Remove("authenticationProtocolVariant");
        var created = await org.PostAsync(v56, body);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("authenticationProtocolVariant", refused.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.False(created.Json.AsObject().ContainsKey("authenticationProtocolVariant"));
        Assert.False(created.Json["credentials"]!["A"]!.AsObject().ContainsKey("revision"));
    }

    [Fact]
    public async Task Post_ProtocolOtherThanTheExternalCredentials_IsRefused()
    {
        await using var org = await TestOrg.StartAsync();
        await org.SeedCustomAsync();

        var result = await org.PostAsync(
            TestOrg.Credential,
            Bodies.Credential("Stripe", "Default", "OAuth", ("clientId", false, "x")));

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Contains("authenticationProtocol", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_VariantOtherThanTheExternalCredentials_IsRefused()
    {
        await using var org = await TestOrg.StartAsync();
        await org.SeedCustomAsync();
        var body = Bodies.Custom(("A", true, "1"));
        body["authenticationProtocolVariant"] = "NoAuthentication";

        var result = await org.PostAsync(TestOrg.Credential, body);

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Contains("authenticationProtocolVariant", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_EntryWithoutEncrypted_IsRefusedNamingTheField()
    {
        await using var org = await TestOrg.StartAsync();
        await org.SeedCustomAsync();
        var body = Bodies.Custom(("A", true, "1"));
        body["credentials"]!["A"]!.AsObject().Remove("encrypted");

        var result = await org.PostAsync(TestOrg.Credential, body);

        Assert.Equal("INVALID_API_INPUT", result.ErrorCode);
        Assert.Contains("credentials.A.encrypted", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ActionRefresh_IsRefusedWithAReason()
    {
        await using var org = await TestOrg.StartAsync();
        await org.SeedCustomAsync();

        var result = await org.PostAsync(
            TestOrg.Credential + "?action=Refresh",
            Bodies.Custom(("A", true, "1")));

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Contains("Refresh", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailedWrite_ChangesNothing()
    {
        await using var org = await TestOrg.StartAsync();
        await org.SeedCustomAsync();
        TestOrg.Ok(await org.PostAsync(TestOrg.Credential, Bodies.Custom(("A", true, "1"))));
        var body = new JsonObject
        {
            ["authenticationProtocol"] = "Custom",
            ["credentials"] = new JsonObject
            {
                ["A"] = new JsonObject { ["encrypted"] = true, ["value"] = "2" },
                ["bad,key"] = new JsonObject { ["encrypted"] = true, ["value"] = "3" },
            },
            ["externalCredential"] = "Stripe",
            ["principalName"] = "Default",
            ["principalType"] = "NamedPrincipal",
        };

        var result = await org.PutAsync(TestOrg.Credential, body);

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.True(await org.HoldsAsync("A", "1"));
    }
}
