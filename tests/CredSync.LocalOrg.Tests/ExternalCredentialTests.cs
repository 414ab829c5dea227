using System.Net;
using System.Text.Json.Nodes;

namespace CredSync.LocalOrg.Tests;

public sealed class ExternalCredentialTests
{
    [Fact]
    public async Task Post_ValidBody_Returns201WithTheOutput()
    {
        await using var org = await TestOrg.StartAsync();
        var body = Bodies.ExternalCredential("Stripe", "Custom", Bodies.Principal("Default"));
        body["parameters"] = new JsonArray(new JsonObject
        {
            ["parameterName"] = "Scope",
            ["parameterType"] = "AuthParameter",
            ["parameterValue"] = "api",
        });

        var result = await org.PostAsync(TestOrg.Ecs, body);

        Assert.Equal(HttpStatusCode.Created, result.Status);
        var ec = result.Json;
        Assert.Equal("Stripe", ec["developerName"].Text());
        Assert.Equal("Custom", ec["authenticationProtocol"].Text());
        Assert.Equal("NotConfigured", ec["authenticationStatus"].Text());
        Assert.Null(ec["createdByNamespace"]);
        Assert.True(ec.AsObject().ContainsKey("createdByNamespace"));
        Assert.Equal(TestOrg.Ecs + "/Stripe", ec["url"].Text());
        Assert.Equal(18, ec["id"].Text().Length);
        Assert.Equal("Authorization", ec["customHeaders"]![0]!["headerName"].Text());
        Assert.Equal("Scope", ec["parameters"]![0]!["parameterName"].Text());
        Assert.Empty(ec["relatedNamedCredentials"].Items());

        var principal = ec["principals"]![0]!;
        Assert.Equal("Default", principal["principalName"].Text());
        Assert.Equal("NamedPrincipal", principal["principalType"].Text());
        Assert.Equal(1, principal["sequenceNumber"].Int());
        Assert.Equal("NotConfigured", principal["authenticationStatus"].Text());
        Assert.Empty(principal["principalAccess"].Items());
        Assert.NotNull(principal["id"]);
    }

    [Fact]
    public async Task Post_ExistingName_Answers400DuplicateValue()
    {
        await using var org = await TestOrg.StartAsync();
        await org.SeedCustomAsync("Stripe");

        var result = await org.PostAsync(TestOrg.Ecs, Bodies.ExternalCredential("stripe", "Custom"));

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal("DUPLICATE_VALUE", result.ErrorCode);
    }

    [Fact]
    public async Task GetAndList_ReturnTheStoredCredentials()
    {
        await using var org = await TestOrg.StartAsync();
        await org.SeedCustomAsync("Zeta");
        await org.SeedCustomAsync("Alpha");

        var one = await org.GetAsync(TestOrg.Ecs + "/Zeta");
        var list = await org.GetAsync(TestOrg.Ecs);

        Assert.Equal("Zeta", one.Json["developerName"].Text());
        var names = list.Json["externalCredentials"].Items().Select(e => e!["developerName"].Text());
        Assert.Equal(["Alpha", "Zeta"], names);
        Assert.Equal(TestOrg.Ecs, list.Json["url"].Text());
    }

    [Fact]
    public async Task Get_UnknownName_Answers404()
    {
        await using var org = await TestOrg.StartAsync();

        var result = await org.GetAsync(TestOrg.Ecs + "/Nope");

        Assert.Equal(HttpStatusCode.NotFound, result.Status);
        Assert.Equal("NOT_FOUND", result.ErrorCode);
        Assert.Contains("'Nope'", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_ReplacesTheWholeObjectAndKeepsMatchedPrincipalIds()
    {
        await using var org = await TestOrg.StartAsync();
        var created = TestOrg.Ok(await org.PostAsync(
            TestOrg.Ecs,
            Bodies.ExternalCredential(
                "Stripe",
                "Custom",
                Bodies.Principal("Default"),
                Bodies.Principal("Other", sequence: 2))));
        var defaultId = created.Json["principals"]![0]!["id"].Text();

        var body = Bodies.ExternalCredential(
            "Stripe",
            "Custom",
            Bodies.Principal("Default", sequence: 5));
        body["masterLabel"] = "Renamed";
        body["authenticationProtocolVariant"] = "NoAuthentication";
        body.Remove("customHeaders");
        var result = await org.PutAsync(TestOrg.Ecs + "/Stripe", body);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal("Renamed", result.Json["masterLabel"].Text());
        Assert.Equal("NoAuthentication", result.Json["authenticationProtocolVariant"].Text());
        Assert.Empty(result.Json["customHeaders"].Items());
        var principal = Assert.Single(result.Json["principals"].Items());
        Assert.Equal(defaultId, principal!["id"].Text());
        Assert.Equal(5, principal["sequenceNumber"].Int());
        Assert.Equal(created.Json["id"].Text(), result.Json["id"].Text());
    }

    [Fact]
    public async Task Put_WithoutAPrincipal_DropsThatPrincipalsValues()
    {
        await using var org = await TestOrg.StartAsync();
        await org.SeedCustomAsync("Stripe", "Default");
        TestOrg.Ok(await org.PostAsync(
            TestOrg.Credential,
            Bodies.Custom(("ApiKey", true, "dropped-secret-1f2e"))));

        var withoutPrincipals = Bodies.ExternalCredential("Stripe", "Custom");
        TestOrg.Ok(await org.PutAsync(TestOrg.Ecs + "/Stripe", withoutPrincipals));
        var gone = await org.GetAsync(TestOrg.CredentialQuery("Stripe", "Default"));
        TestOrg.Ok(await org.PutAsync(
            TestOrg.Ecs + "/Stripe",
            Bodies.ExternalCredential("Stripe", "Custom", Bodies.Principal("Default"))));
        var back = await org.GetAsync(TestOrg.CredentialQuery("Stripe", "Default"));

        Assert.Equal(HttpStatusCode.NotFound, gone.Status);
        Assert.Empty(back.Json["credentials"]!.AsObject());
        Assert.Equal("NotConfigured", back.Json["authenticationStatus"].Text());
        Assert.False(await org.HoldsAsync("ApiKey", "dropped-secret-1f2e"));
        var state = await File.ReadAllTextAsync(Path.Combine(org.DataDirectory, "state.json"));
        Assert.DoesNotContain("\"sealed\"", state, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_DifferentProtocol_IsRefused()
    {
        await using var org = await TestOrg.StartAsync();
        await org.SeedCustomAsync("Stripe");

        var body = Bodies.ExternalCredential("Stripe", "OAuth");

        var result = await org.PutAsync(TestOrg.Ecs + "/Stripe", body);

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal("INVALID_API_INPUT", result.ErrorCode);
        Assert.Contains("authenticationProtocol", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_Returns204AndTheCredentialIsGone()
    {
        await using var org = await TestOrg.StartAsync();
        await org.SeedCustomAsync("Stripe");

        var result = await org.DeleteAsync(TestOrg.Ecs + "/Stripe");
        var after = await org.GetAsync(TestOrg.Ecs + "/Stripe");

        Assert.Equal(HttpStatusCode.NoContent, result.Status);
        Assert.Equal("", result.Body);
        Assert.Equal(HttpStatusCode.NotFound, after.Status);
    }

    [Fact]
    public async Task Delete_WhileANamedCredentialUsesIt_IsRefused()
    {
        await using var org = await TestOrg.StartAsync();
        await org.SeedCustomAsync("Stripe");
        TestOrg.Ok(await org.PostAsync(TestOrg.Ncs, Bodies.NamedCredential("StripeApi", "Stripe")));

        var result = await org.DeleteAsync(TestOrg.Ecs + "/Stripe");

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal("INVALID_API_INPUT", result.ErrorCode);
        Assert.Contains("'StripeApi'", result.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await org.GetAsync(TestOrg.Ecs + "/Stripe")).Status);
    }

    [Fact]
    public async Task Post_BeforeVersion58_Answers405()
    {
        await using var org = await TestOrg.StartAsync();

        var result = await org.PostAsync(
            "/services/data/v57.0/named-credentials/external-credentials",
            Bodies.ExternalCredential("Stripe", "Custom"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, result.Status);
        Assert.Equal("METHOD_NOT_ALLOWED", result.ErrorCode);
    }

    [Theory]
    [InlineData("parameters", "parameterType", "Bogus", "parameters[0].parameterType")]
    [InlineData("parameters", "parameterName", "NotAnAuthParameter", "NotAnAuthParameter")]
    [InlineData("principals", "principalType", "Robot", "principals[0].principalType")]
    public async Task Post_BadNestedValue_Answers400NamingTheField(
        string array,
        string field,
        string value,
        string named)
    {
        await using var org = await TestOrg.StartAsync();
        var body = Bodies.ExternalCredential("Stripe", "Custom", Bodies.Principal("Default"));
        body["parameters"] = new JsonArray(new JsonObject
        {
            ["parameterName"] = "Scope",
            ["parameterType"] = "AuthParameter",
            ["parameterValue"] = "api",
        });
        body[array]![0]![field] = value;

        var result = await org.PostAsync(TestOrg.Ecs, body);

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal("INVALID_API_INPUT", result.ErrorCode);
        Assert.Contains(named, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithoutMasterLabel_Answers400NamingIt()
    {
        await using var org = await TestOrg.StartAsync();
        var body = Bodies.ExternalCredential("Stripe", "Custom");
        body.Remove("masterLabel");

        var result = await org.PostAsync(TestOrg.Ecs, body);

        Assert.Equal("INVALID_API_INPUT", result.ErrorCode);
        Assert.Contains("masterLabel", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_VariantOfAnotherProtocol_IsRefused()
    {
        await using var org = await TestOrg.StartAsync();
        var body = Bodies.ExternalCredential("Stripe", "Custom");
        body["authenticationProtocolVariant"] = "JwtBearer";

        var result = await org.PostAsync(TestOrg.Ecs, body);

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Contains("JwtBearer", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_UnknownField_AnswersJsonParserError()
    {
        await using var org = await TestOrg.StartAsync();
        var body = Bodies.ExternalCredential("Stripe", "Custom");
        body["authenticationStatus"] = "Configured";

        var result = await org.PostAsync(TestOrg.Ecs, body);

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal("JSON_PARSER_ERROR", result.ErrorCode);
        Assert.Contains("authenticationStatus", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"authenticationProtocol\": ")]
    [InlineData("[]")]
    [InlineData("")]
    public async Task Post_MalformedJson_AnswersJsonParserError(string body)
    {
        await using var org = await TestOrg.StartAsync();

        var result = await org.SendAsync(HttpMethod.Post, TestOrg.Ecs, body);

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal("JSON_PARSER_ERROR", result.ErrorCode);
    }

    [Fact]
    public async Task Post_InvalidDeveloperName_IsRefused()
    {
        await using var org = await TestOrg.StartAsync();

        var result = await org.PostAsync(TestOrg.Ecs, Bodies.ExternalCredential("Bad__Name", "Custom"));

        Assert.Equal("INVALID_API_INPUT", result.ErrorCode);
        Assert.Contains("developerName", result.Message, StringComparison.Ordinal);
    }
}
