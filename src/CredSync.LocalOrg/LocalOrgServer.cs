using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CredSync.LocalOrg;

/// <summary>A running local org: an HTTP server on 127.0.0.1 that answers like a Salesforce org.
/// </summary>
public sealed class LocalOrgServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly OrgStore _store;
    private readonly RequestLog _log;
    private readonly TimeProvider _time;

    private LocalOrgServer(
        WebApplication app,
        OrgStore store,
        RequestLog log,
        LocalOrgFaults faults,
        Uri instanceUrl,
        OrgFile org,
        LocalOrgOptions options)
    {
        _app = app;
        _store = store;
        _log = log;
        _time = options.TimeProvider;
        Faults = faults;
        InstanceUrl = instanceUrl;
        AccessToken = org.AccessToken;
        OrganizationId = org.OrganizationId;
        UserId = org.UserId;
        Username = org.Username;
        MaxApiVersion = options.MaxApiVersion;
    }

    /// <summary>The server's base URL, <c>http://127.0.0.1:port</c>.</summary>
    public Uri InstanceUrl { get; }

    /// <summary>A bearer token the org accepts; every server over the same folder accepts it.</summary>
    public string AccessToken { get; }

    /// <summary>The org id, <c>00D</c> and 15 more characters.</summary>
    public string OrganizationId { get; }

    /// <summary>The id of the org's one user, whose token <see cref="AccessToken"/> is.</summary>
    public string UserId { get; }

    /// <summary>The username of the org's one user.</summary>
    public string Username { get; }

    /// <summary>The newest API version served.</summary>
    public string MaxApiVersion { get; }

    /// <summary>The full path of the data folder.</summary>
    public string DataDirectory => _store.Directory;

    /// <summary>Faults that tests can switch on.</summary>
    public LocalOrgFaults Faults { get; }

    /// <summary>A snapshot of the requests this server answered, oldest first.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _log.Snapshot();

    /// <summary>Starts a server over the data folder, creating the folder's files on first use.</summary>
    public static async Task<LocalOrgServer> StartAsync(
        LocalOrgOptions options,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var newest = Validate(options);
        var store = new OrgStore(options.DataDirectory, options.TimeProvider, options.LockTimeout);
        var org = await ReadOrgAsync(store, ct);

        var log = new RequestLog();
        var faults = new LocalOrgFaults();
        var app = LocalOrgApp.Build(options, store, newest, log, faults);
        try
        {
            await app.StartAsync(ct);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features
            .GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var server = new LocalOrgServer(app, store, log, faults, new Uri(address), org, options);
        if (options.LoggerFactory is { } loggerFactory)
        {
            var logger = loggerFactory.CreateLogger("CredSync.LocalOrg");
            LocalOrgLog.Listening(logger, server.InstanceUrl, store.Directory);
        }

        return server;
    }

    /// <summary>How many recorded requests had this method and route template.</summary>
    public int CountRequests(string method, string template)
    {
        return Requests.Count(r => r.Template == template
            && string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Forgets the recorded requests.</summary>
    public void ClearRequests()
    {
        _log.Clear();
    }

    /// <summary>Sets the 24-hour usage count; set it to the limit to use the allocation up.</summary>
    public async Task SetApiUsageAsync(long used, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(used);
        using var session = await OpenAsync(ct);
        ApiUsage.Set(session.Org, _time.GetUtcNow(), used);
        session.OrgChanged();
        session.Commit();
    }

    /// <summary>
    /// Whether a principal's stored value for a key equals <paramref name="expected"/>. The org
    /// never reveals an encrypted value, so this comparison is how a test proves which value was
    /// written; it answers false when the key is not set.
    /// </summary>
    public async Task<bool> CredentialValueEqualsAsync(
        string externalCredential,
        string principalName,
        string key,
        string expected,
        CancellationToken ct = default)
    {
        using var session = await OpenAsync(ct);
        var principal = session.State.FindExternalCredential(externalCredential)?.Principals
            .Find(p => string.Equals(p.Name, principalName, StringComparison.OrdinalIgnoreCase));
        if (principal is null || !principal.Credentials.TryGetValue(key, out var stored))
        {
            return false;
        }

        var actual = stored.Encrypted
            ? session.Cipher.Open(stored.Sealed ?? "", principal.Id, key)
            : stored.Value;

        return CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(actual ?? ""),
            Encoding.UTF8.GetBytes(expected));
    }

    /// <summary>Completes, with the server stopped, when <paramref name="ct"/> is cancelled.</summary>
    public Task WaitForShutdownAsync(CancellationToken ct)
    {
        return _app.WaitForShutdownAsync(ct);
    }

    /// <summary>Stops the server; the data folder stays.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static ApiVersion Validate(LocalOrgOptions options)
    {
        if (!ApiVersion.TryParse(options.MaxApiVersion, out var newest)
            || options.MaxApiVersion.StartsWith('v')
            || newest.Major < ApiVersion.OldestListed.Major)
        {
            throw new ArgumentException(
                $"MaxApiVersion must look like '66.0' and be at least {ApiVersion.OldestListed}.",
                nameof(options));
        }

        if (options.DailyApiLimit < 1)
        {
            throw new ArgumentException("DailyApiLimit must be at least 1.", nameof(options));
        }

        if (options.Port is < 0 or > 65535)
        {
            throw new ArgumentException("Port must be between 0 and 65535.", nameof(options));
        }

        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            throw new ArgumentException("DataDirectory is required.", nameof(options));
        }

        return newest;
    }

    private static async Task<OrgFile> ReadOrgAsync(OrgStore store, CancellationToken ct)
    {
        using var session = await OpenAsync(store, ct);

        return session.Org;
    }

    private Task<OrgSession> OpenAsync(CancellationToken ct)
    {
        return OpenAsync(_store, ct);
    }

    private static async Task<OrgSession> OpenAsync(OrgStore store, CancellationToken ct)
    {
        try
        {
            return await store.OpenAsync(ct);
        }
        catch (ApiException)
        {
            throw new IOException(
                $"The local org data folder '{store.Directory}' stayed locked by another process.");
        }
    }
}
