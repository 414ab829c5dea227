using System.Net;

namespace CredSync.LocalOrg.Tests;

public sealed class FaultTests
{
    [Fact]
    public async Task FailNext_AnswersTheStatusOnceWithoutActing()
    {
        await using var org = await TestOrg.StartAsync();
        org.Server.Faults.FailNext(503, method: "POST", template: LocalOrgRoutes.ExternalCredentials);

        var failed = await org.PostAsync(TestOrg.Ecs, Bodies.ExternalCredential("Stripe", "Custom"));
        var listed = await org.GetAsync(TestOrg.Ecs);
        var retried = await org.PostAsync(TestOrg.Ecs, Bodies.ExternalCredential("Stripe", "Custom"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.Status);
        Assert.Equal("SERVER_UNAVAILABLE", failed.ErrorCode);
        Assert.Empty(listed.Json["externalCredentials"].Items());
        Assert.Equal(HttpStatusCode.Created, retried.Status);
    }

    [Fact]
    public async Task ExpireSessionNext_Answers401Once()
    {
        await using var org = await TestOrg.StartAsync();
        org.Server.Faults.ExpireSessionNext();

        var expired = await org.GetAsync(TestOrg.Ecs);
        var again = await org.GetAsync(TestOrg.Ecs);

        Assert.Equal(HttpStatusCode.Unauthorized, expired.Status);
        Assert.Equal("INVALID_SESSION_ID", expired.ErrorCode);
        Assert.Equal(HttpStatusCode.OK, again.Status);
    }

    [Fact]
    public async Task DropNextAfterHandling_SavesTheChangeButSendsNoAnswer()
    {
        await using var org = await TestOrg.StartAsync();
        await org.SeedCustomAsync();
        org.Server.Faults.DropNext(
            afterHandling: true,
            method: "POST",
            template: LocalOrgRoutes.Credential);
        var body = Bodies.Custom(("ApiKey", true, "sk_1"));

        await Assert.ThrowsAnyAsync<HttpRequestException>(
            () => org.PostAsync(TestOrg.Credential, body));
        var retried = await org.PostAsync(TestOrg.Credential, body);

        Assert.Equal("DUPLICATE_VALUE", retried.ErrorCode);
        Assert.True(await org.HoldsAsync("ApiKey", "sk_1"));
        Assert.Contains(org.Server.Requests, r => r.Status == 0 && r.Method == "POST");
    }

    [Fact]
    public async Task DropNext_BeforeHandling_ChangesNothing()
    {
        await using var org = await TestOrg.StartAsync();
        org.Server.Faults.DropNext();

        await Assert.ThrowsAnyAsync<HttpRequestException>(
            () => org.PostAsync(TestOrg.Ecs, Bodies.ExternalCredential("Stripe", "Custom")));

        Assert.Equal(HttpStatusCode.NotFound, (await org.GetAsync(TestOrg.Ecs + "/Stripe")).Status);
    }

    [Fact]
    public async Task FailRandomly_WithCertainty_FailsEveryRequestUntilCleared()
    {
        await using var org = await TestOrg.StartAsync();
        org.Server.Faults.FailRandomly(500, probability: 1.0, seed: 7);

        var failed = await org.GetAsync(TestOrg.Ecs);
        org.Server.Faults.Clear();
        var cleared = await org.GetAsync(TestOrg.Ecs);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.Status);
        Assert.Equal("UNKNOWN_EXCEPTION", failed.ErrorCode);
        Assert.Equal(HttpStatusCode.OK, cleared.Status);
    }
}
