using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;

namespace CredSync.LocalOrg.Tests;

public sealed class SecrecyTests
{
    private const string Canary = "canary-7f3a9c";

    [Theory]
    [InlineData(EncryptedReadback.Masked, "\"value\":\"********\"")]
    [InlineData(EncryptedReadback.Null, "\"value\":null")]
    public async Task EncryptedValue_NeverComesBackInAnyResponse(
        EncryptedReadback readback,
        string shown)
    {
        await using var org = await TestOrg.StartAsync(dir => new LocalOrgOptions
        {
            DataDirectory = dir,
            EncryptedReadback = readback,
        });
        await org.SeedCustomAsync();
        var bodies = new List<string>();

        bodies.Add((await org.PostAsync(
            TestOrg.Credential,
            Bodies.Custom(("ApiKey", true, Canary), ("Plain", false, "visible")))).Body);
        bodies.Add((await org.PatchAsync(
            TestOrg.Credential,
            Bodies.Custom(("Other", true, Canary)))).Body);
        bodies.Add((await org.GetAsync(TestOrg.CredentialQuery("Stripe", "Default"))).Body);
        bodies.Add((await org.GetAsync(TestOrg.Ecs)).Body);
        bodies.Add((await org.GetAsync(TestOrg.Ecs + "/Stripe")).Body);

        Assert.All(bodies, body => Assert.DoesNotContain(Canary, body, StringComparison.Ordinal));
        Assert.Contains(shown, bodies[2], StringComparison.Ordinal);
        Assert.Contains("\"value\":\"visible\"", bodies[2], StringComparison.Ordinal);
        Assert.True(await org.HoldsAsync("ApiKey", Canary));
    }

    [Fact]
    public async Task EncryptedValue_NeverAppearsInTheDataFolder()
    {
        using var folder = new TempFolder();
        await using (var org = await TestOrg.StartOverAsync(folder.DataDirectory))
        {
            await org.SeedCustomAsync();
            TestOrg.Ok(await org.PostAsync(
                TestOrg.Credential,
                Bodies.Custom(("ApiKey", true, Canary))));
            TestOrg.Ok(await org.PatchAsync(
                TestOrg.Credential,
                Bodies.Custom(("Second", true, Canary + "-2"))));
        }

        var canary = Encoding.UTF8.GetBytes(Canary);
        var canaryUtf16 = Encoding.Unicode.GetBytes(Canary);
        var files = Directory.GetFiles(folder.Path, "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => Path.GetFileName(f) == "state.json");
        foreach (var file in files)
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.True(bytes.AsSpan().IndexOf(canary) < 0, $"The canary is in {file}.");
            Assert.True(bytes.AsSpan().IndexOf(canaryUtf16) < 0, $"The canary is in {file} as UTF-16.");
        }
    }

    [Fact]
    public async Task Errors_NeverRepeatTheValueSent()
    {
        await using var org = await TestOrg.StartAsync();
        await org.CreateEcAsync("Auth", "OAuth", Bodies.Principal("P"));
        var wrongEncryption = Bodies.Credential("Auth", "P", "OAuth", ("clientSecret", false, Canary))
            .ToJsonString();
        var wrongType = wrongEncryption.Replace(
            "\"encrypted\":false",
            $"\"encrypted\":\"{Canary}\"",
            StringComparison.Ordinal);
        var broken = wrongEncryption.Replace($"\"{Canary}\"", Canary, StringComparison.Ordinal);

        var results = new[]
        {
            await org.SendAsync(HttpMethod.Post, TestOrg.Credential, wrongEncryption),
            await org.SendAsync(HttpMethod.Post, TestOrg.Credential, wrongType),
            await org.SendAsync(HttpMethod.Post, TestOrg.Credential, broken),
        };

        Assert.All(results, r => Assert.Equal(HttpStatusCode.BadRequest, r.Status));
        Assert.All(results, r => Assert.DoesNotContain(Canary, r.Body, StringComparison.Ordinal));
        Assert.Contains("'clientSecret'", results[0].Message, StringComparison.Ordinal);
        Assert.Equal("JSON_PARSER_ERROR", results[2].ErrorCode);
    }

    [Fact]
    public async Task EncryptedValue_NeverReachesTheLogOrTheRequestRecord()
    {
        var lines = new List<string>();
        using var loggerFactory = LoggerFactory.Create(logging => logging
            .SetMinimumLevel(LogLevel.Trace)
            .AddProvider(new ListLoggerProvider(lines)));
        await using var org = await TestOrg.StartAsync(dir => new LocalOrgOptions
        {
            DataDirectory = dir,
            LoggerFactory = loggerFactory,
        });
        await org.SeedCustomAsync();

        TestOrg.Ok(await org.PostAsync(
            TestOrg.Credential,
            Bodies.Custom(("ApiKey", true, Canary))));
        await org.PostAsync(TestOrg.Credential, Bodies.Custom(("ApiKey", true, Canary)));

        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.DoesNotContain(Canary, line, StringComparison.Ordinal));
        Assert.All(
            org.Server.Requests,
            r => Assert.DoesNotContain(Canary, r.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task DataFolder_IsReadableOnlyByItsOwner()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        await using var org = await TestOrg.StartAsync();
        await org.SeedCustomAsync();

        var key = Path.Combine(org.DataDirectory, "org.key");
        const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

        Assert.Equal(32, new FileInfo(key).Length);
        Assert.Equal(ownerOnly | UnixFileMode.UserExecute, File.GetUnixFileMode(org.DataDirectory));
        foreach (var file in Directory.GetFiles(org.DataDirectory))
        {
            Assert.Equal(ownerOnly, File.GetUnixFileMode(file));
        }
    }
}
