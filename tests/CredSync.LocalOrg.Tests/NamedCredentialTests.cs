using System.Net;
using System.Text.Json.Nodes;

namespace CredSync.LocalOrg.Tests;

public sealed class NamedCredentialTests
{
    [Fact]
    public async Task Post_ValidBody_Returns201AndLinksBothWays()
    {
        await using var org = await TestOrg.StartAsync();
        await org.SeedCustomAsync("Stripe");

        var result = await org.PostAsync(TestOrg.Ncs, Bodies.NamedCredential("StripeApi", "Stripe"));
        var ec = await org.GetAsync(TestOrg.Ecs + "/Stripe");

        Assert.Equal(HttpStatusCode.Created, result.Status);
        var nc = result.Json;
        Assert.Equal("StripeApi", nc["developerName"].Text());
        Assert.Equal("Enabled", nc["calloutStatus"].Text());
        Assert.Equal("https://api.example.com", nc["calloutUrl"].Text());
        Assert.True(nc["calloutOptions"]!["allowMergeFieldsInHeader"].Bool());
        Assert.Equal("Stripe", nc["externalCredentials"]![0]!["developerName"].Text());
        Assert.Equal("SecuredEndpoint", nc["type"].Text());
        Assert.Equal(TestOrg.Ncs + "/StripeApi", nc["url"].Text());
        Assert.StartsWith("0XA", nc["id"].Text(), StringComparison.Ordinal);
        var related = Assert.Single(ec.Json["relatedNamedCredentials"].Items());
        Assert.Equal("StripeApi", related!["developerName"].Text());
        Assert.Equal(TestOrg.Ncs + "/StripeApi", related["url"].Text());
    }

    [Fact]
    public async Task Post_UnknownExternalCredential_Answers400()
    {
        await using var org = await TestOrg.StartAsync();

        var result = await org.PostAsync(TestOrg.Ncs, Bodies.NamedCredential("StripeApi", "Missing"));

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal("INVALID_API_INPUT", result.ErrorCode);
        Assert.Contains("'Missing'", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_TwoExternalCredentials_Answers400()
    {
        await using var org = await TestOrg.StartAsync();
        await org.SeedCustomAsync("Stripe");
        await org.SeedCustomAsync("Other");
        var body = Bodies.NamedCredential("StripeApi", "Stripe");
        var second = new JsonObject { ["developerName"] = "Other" };
        body["externalCredentials"].Items().Add((JsonNode)second);

        var result = await org.PostAsync(TestOrg.Ncs, body);

        Assert.Equal("INVALID_API_INPUT", result.ErrorCode);
        Assert.Contains("externalCredentials", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_ReplacesTheNamedCredential()
    {
        await using var org = await TestOrg.StartAsync();
        await org.SeedCustomAsync("Stripe");
        await org.SeedCustomAsync("Other");
        TestOrg.Ok(await org.PostAsync(TestOrg.Ncs, Bodies.NamedCredential("StripeApi", "Stripe")));
        var body = Bodies.NamedCredential("StripeApi", "Other");
        body["calloutStatus"] = "Disabled";
        body["description"] = "Payments";
        body["calloutUrl"] = "https://api2.example.com/v1";

        var result = await org.PutAsync(TestOrg.Ncs + "/StripeApi", body);
        var list = await org.GetAsync(TestOrg.Ncs);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal("Disabled", result.Json["calloutStatus"].Text());
        Assert.Equal("Payments", result.Json["description"].Text());
        Assert.Equal("Other", result.Json["externalCredentials"]![0]!["developerName"].Text());
        var listed = Assert.Single(list.Json["namedCredentials"].Items());
        Assert.Equal("https://api2.example.com/v1", listed!["calloutUrl"].Text());
    }

    [Fact]
    public async Task Delete_Returns204AndFreesTheExternalCredential()
    {
        await using var org = await TestOrg.StartAsync();
        await org.SeedCustomAsync("Stripe");
        TestOrg.Ok(await org.PostAsync(TestOrg.Ncs, Bodies.NamedCredential("StripeApi", "Stripe")));

        var result = await org.DeleteAsync(TestOrg.Ncs + "/StripeApi");
        var ecDelete = await org.DeleteAsync(TestOrg.Ecs + "/Stripe");

        Assert.Equal(HttpStatusCode.NoContent, result.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await org.GetAsync(TestOrg.Ncs + "/StripeApi")).Status);
        Assert.Equal(HttpStatusCode.NoContent, ecDelete.Status);
    }

    [Fact]
    public async Task Description_BeforeVersion64_IsRefusedAndNotShown()
    {
        await using var org = await TestOrg.StartAsync();
        await org.SeedCustomAsync("Stripe");
        var body = Bodies.NamedCredential("StripeApi", "Stripe");
        body["description"] = "Payments";
        const string v63 = "/services/data/v63.0/named-credentials/named-credential-setup";

        var refused = await org.PostAsync(v63, body);
        body.Remove("description");
        var created = await org.PostAsync(v63, body);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("description", refused.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.False(created.Json.AsObject().ContainsKey("description"));
    }

    [Fact]
    public async Task Resource_BeforeVersion58_Answers404()
    {
        await using var org = await TestOrg.StartAsync();

        var v57 = TestOrg.Ncs.Replace("v66.0", "v57.0", StringComparison.Ordinal);

        var result = await org.GetAsync(v57);

        Assert.Equal(HttpStatusCode.NotFound, result.Status);
        Assert.Equal("NOT_FOUND", result.ErrorCode);
    }

    [Fact]
    public async Task Post_PrivateEndpointWithoutNetworkConnection_IsRefused()
    {
        await using var org = await TestOrg.StartAsync();
        await org.SeedCustomAsync("Stripe");
        var body = Bodies.NamedCredential("StripeApi", "Stripe");
        body["type"] = "PrivateEndpoint";

        var result = await org.PostAsync(TestOrg.Ncs, body);

        Assert.Equal("INVALID_API_INPUT", result.ErrorCode);
        Assert.Contains("networkConnection", result.Message, StringComparison.Ordinal);
    }
}
