using System.Net;
using System.Text.Json.Nodes;

namespace CredSync.LocalOrg.Tests;

public sealed class PersistenceTests
{
    [Fact]
    public async Task FirstStart_CreatesTheDataFolderWithAnIdentity()
    {
        using var folder = new TempFolder();
        await using var org = await TestOrg.StartOverAsync(folder.DataDirectory);

        var text = await File.ReadAllTextAsync(Path.Combine(folder.DataDirectory, "org.json"));
        var json = JsonNode.Parse(text)!;

        Assert.Equal(org.Server.OrganizationId, json["organizationId"].Text());
        Assert.Equal(org.Server.AccessToken, json["accessToken"].Text());
        Assert.True(File.Exists(Path.Combine(folder.DataDirectory, "org.key")));
    }

    [Fact]
    public async Task TwoServers_OverOneFolder_SeeEachOthersWrites()
    {
        using var folder = new TempFolder();
        await using var first = await TestOrg.StartOverAsync(folder.DataDirectory);
        await using var second = await TestOrg.StartOverAsync(folder.DataDirectory);

        await first.SeedCustomAsync();
        var created = await second.PostAsync(
            TestOrg.Credential,
            Bodies.Custom(("ApiKey", true, "sk_1"), ("Plain", false, "p")));
        var readBack = await first.GetAsync(TestOrg.CredentialQuery("Stripe", "Default"));

        Assert.Equal(first.Server.AccessToken, second.Server.AccessToken);
        Assert.Equal(first.Server.OrganizationId, second.Server.OrganizationId);
        Assert.NotEqual(first.Server.InstanceUrl, second.Server.InstanceUrl);
        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal("p", readBack.Json["credentials"]!["Plain"]!["value"].Text());
        Assert.True(await first.HoldsAsync("ApiKey", "sk_1"));
        Assert.Equal("api-usage=3/15000", readBack.LimitInfo);
    }

    [Fact]
    public async Task Restart_KeepsTheIdentityDefinitionsAndValues()
    {
        using var folder = new TempFolder();
        string token;
        await using (var before = await TestOrg.StartOverAsync(folder.DataDirectory))
        {
            token = before.Server.AccessToken;
            await before.SeedCustomAsync();
            TestOrg.Ok(await before.PostAsync(
                TestOrg.Credential,
                Bodies.Custom(("ApiKey", true, "sk_1"))));
        }

        await using var after = await TestOrg.StartOverAsync(folder.DataDirectory);
        var result = await after.GetAsync(TestOrg.CredentialQuery("Stripe", "Default"));

        Assert.Equal(token, after.Server.AccessToken);
        Assert.Equal("Configured", result.Json["authenticationStatus"].Text());
        Assert.True(await after.HoldsAsync("ApiKey", "sk_1"));
        Assert.False(await after.HoldsAsync("ApiKey", "sk_2"));
    }

    [Fact]
    public async Task FolderLockHeldElsewhere_MakesRequestsWaitThenGiveUp()
    {
        await using var org = await TestOrg.StartAsync(dir => new LocalOrgOptions
        {
            DataDirectory = dir,
            LockTimeout = TimeSpan.FromSeconds(1),
        });
        var lockPath = Path.Combine(org.DataDirectory, ".lock");

        ApiResult busy;
        using (new FileStream(lockPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            busy = await org.GetAsync(TestOrg.Ecs);
        }

        Task<ApiResult> waiting;
        using (new FileStream(lockPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            waiting = org.GetAsync(TestOrg.Ecs);
            await Task.Delay(50);
            Assert.False(waiting.IsCompleted);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.Status);
        Assert.Equal("SERVER_UNAVAILABLE", busy.ErrorCode);
        Assert.Equal(HttpStatusCode.OK, (await waiting).Status);
    }

    [Fact]
    public async Task ConcurrentWrites_ThroughTwoServers_AreAllKept()
    {
        using var folder = new TempFolder();
        await using var first = await TestOrg.StartOverAsync(folder.DataDirectory);
        await using var second = await TestOrg.StartOverAsync(folder.DataDirectory);

        var writes = Enumerable.Range(0, 24).Select(i =>
        {
            var org = i % 2 == 0 ? first : second;
            return org.PostAsync(TestOrg.Ecs, Bodies.ExternalCredential($"Ec{i}", "Custom"));
        });
        var results = await Task.WhenAll(writes);
        var list = await first.GetAsync(TestOrg.Ecs);

        Assert.All(results, r => Assert.Equal(HttpStatusCode.Created, r.Status));
        Assert.Equal(24, list.Json["externalCredentials"].Items().Count);
        Assert.Equal("api-usage=25/15000", list.LimitInfo);
        Assert.Empty(Directory.GetFiles(folder.DataDirectory, "*.tmp"));
    }
}
