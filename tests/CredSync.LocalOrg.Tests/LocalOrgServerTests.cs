using System.Net;

namespace CredSync.LocalOrg.Tests;

public sealed class LocalOrgServerTests
{
    [Theory]
    [InlineData("v66.0", 15000)]
    [InlineData("66.1", 15000)]
    [InlineData("55.0", 15000)]
    [InlineData("66.0", 0)]
    public async Task StartAsync_InvalidOptions_Throws(string maxApiVersion, long dailyApiLimit)
    {
        using var folder = new TempFolder();
        var options = new LocalOrgOptions
        {
            DataDirectory = folder.DataDirectory,
            MaxApiVersion = maxApiVersion,
            DailyApiLimit = dailyApiLimit,
        };

        await Assert.ThrowsAsync<ArgumentException>(() => LocalOrgServer.StartAsync(options));
        Assert.False(Directory.Exists(folder.DataDirectory));
    }

    [Fact]
    public async Task WaitForShutdown_WhenCancelled_StopsServing()
    {
        await using var org = await TestOrg.StartAsync();
        using var cancel = new CancellationTokenSource();
        Assert.Equal(HttpStatusCode.OK, (await org.GetAsync(TestOrg.Ecs)).Status);

        var waiting = org.Server.WaitForShutdownAsync(cancel.Token);
        Assert.False(waiting.IsCompleted);
        await cancel.CancelAsync();
        await waiting;

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => org.GetAsync(TestOrg.Ecs));
    }

    [Fact]
    public async Task Api_PathInCapitals_StillNeedsTheToken()
    {
        await using var org = await TestOrg.StartAsync();

        var result = await org.GetAsync(TestOrg.Ecs.ToUpperInvariant(), token: "");

        Assert.Equal(HttpStatusCode.Unauthorized, result.Status);
        Assert.Equal("INVALID_SESSION_ID", result.ErrorCode);
    }
}
