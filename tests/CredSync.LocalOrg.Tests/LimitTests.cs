using System.Net;

namespace CredSync.LocalOrg.Tests;

public sealed class LimitTests
{
    [Fact]
    public async Task EveryAuthenticatedResponse_CarriesTheGrowingUsage()
    {
        await using var org = await TestOrg.StartAsync();

        var first = await org.GetAsync(TestOrg.Ecs);
        var second = await org.GetAsync(TestOrg.Ecs + "/Missing");

        Assert.Equal("api-usage=1/15000", first.LimitInfo);
        Assert.Equal(HttpStatusCode.NotFound, second.Status);
        Assert.Equal("api-usage=2/15000", second.LimitInfo);
    }

    [Fact]
    public async Task Allocation_WhenUsedUp_Answers403RequestLimitExceeded()
    {
        await using var org = await TestOrg.StartAsync(dir => new LocalOrgOptions
        {
            DataDirectory = dir,
            DailyApiLimit = 2,
        });
        await org.GetAsync(TestOrg.Ecs);
        await org.GetAsync(TestOrg.Ecs);

        var refused = await org.GetAsync(TestOrg.Ecs);

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal("REQUEST_LIMIT_EXCEEDED", refused.ErrorCode);
        Assert.Equal("TotalRequests Limit exceeded.", refused.Message);
        Assert.Equal("api-usage=2/2", refused.LimitInfo);
    }

    [Fact]
    public async Task SetApiUsage_ToTheLimit_RefusesTheNextRequest()
    {
        await using var org = await TestOrg.StartAsync();

        await org.Server.SetApiUsageAsync(15000);
        var refused = await org.GetAsync(TestOrg.Ecs);

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal("api-usage=15000/15000", refused.LimitInfo);
    }

    [Fact]
    public async Task Usage_OlderThan24Hours_NoLongerCounts()
    {
        var clock = new ManualTimeProvider();
        await using var org = await TestOrg.StartAsync(dir => new LocalOrgOptions
        {
            DataDirectory = dir,
            DailyApiLimit = 2,
            TimeProvider = clock,
        });
        await org.GetAsync(TestOrg.Ecs);
        await org.GetAsync(TestOrg.Ecs);
        Assert.Equal(HttpStatusCode.Forbidden, (await org.GetAsync(TestOrg.Ecs)).Status);

        clock.Advance(TimeSpan.FromHours(24));
        var result = await org.GetAsync(TestOrg.Ecs);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal("api-usage=1/2", result.LimitInfo);
    }

    [Fact]
    public async Task Limits_ReportsMaxAndRemaining()
    {
        await using var org = await TestOrg.StartAsync();

        var result = await org.GetAsync(TestOrg.V + "/limits");

        Assert.Equal(15000, result.Json["DailyApiRequests"]!["Max"].Long());
        Assert.Equal(14999, result.Json["DailyApiRequests"]!["Remaining"].Long());
    }
}
