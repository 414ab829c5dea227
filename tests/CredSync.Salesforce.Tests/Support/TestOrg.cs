using CredSync.LocalOrg;
using Microsoft.Extensions.Logging.Abstractions;

namespace CredSync.Salesforce.Tests.Support;

/// <summary>A local org on 127.0.0.1 in its own temp folder, with a client for it; both go on dispose.</summary>
internal sealed class TestOrg : IAsyncDisposable
{
    private readonly string _folder;

    private TestOrg(string folder, LocalOrgServer server, HttpClient http)
    {
        _folder = folder;
        Server = server;
        Http = http;
        Client = new SalesforceClient(http, SalesforceConnection.Create(server.InstanceUrl.ToString(),
            server.AccessToken), NullLogger.Instance);
    }

    public LocalOrgServer Server { get; }

    public HttpClient Http { get; }

    public SalesforceClient Client { get; }

    public static async Task<TestOrg> StartAsync(string maxApiVersion = "66.0", long dailyLimit = 15000)
    {
        var folder = Path.Combine(Path.GetTempPath(), "credsync-sf-" + Guid.NewGuid().ToString("N")[..12]);
        var server = await LocalOrgServer.StartAsync(new LocalOrgOptions
        {
            DataDirectory = folder,
            Port = 0,
            MaxApiVersion = maxApiVersion,
            DailyApiLimit = dailyLimit,
        });

        return new TestOrg(folder, server, new HttpClient());
    }

    public SalesforceOrg CreateOrg() => new(Client, NullLogger.Instance);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held for a moment by the stopping server; the folder is under temp.
        }
    }
}
