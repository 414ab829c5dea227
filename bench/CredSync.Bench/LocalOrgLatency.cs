using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CredSync.LocalOrg;

namespace CredSync.Bench;

/// <summary>
/// Round trips to a local org over a populated data folder, from a plain HttpClient: the
/// version list (no state read: the HTTP floor), a GET of one principal's credentials, and a
/// PATCH of one key. Each is bounded to 100 measured requests or 2 s, after 10 untimed ones.
/// </summary>
public sealed class LocalOrgLatency
{
    private const string CredentialPath = "/services/data/v66.0/named-credentials/credential";

    private LocalOrgLatency(long stateBytes, IReadOnlyList<(string Request, Stats Stats)> requests)
    {
        StateBytes = stateBytes;
        Requests = requests;
    }

    /// <summary>Size of the org's state.json, which every authenticated request loads.</summary>
    public long StateBytes { get; }

    public IReadOnlyList<(string Request, Stats Stats)> Requests { get; }

    public static async Task<LocalOrgLatency> MeasureAsync(Workload workload)
    {
        var stateBytes = new FileInfo(Path.Combine(workload.DataDirectory, "state.json")).Length;
        var options = new LocalOrgOptions { DataDirectory = workload.DataDirectory };
        await using var server = await LocalOrgServer.StartAsync(options);
        using var http = new HttpClient { BaseAddress = server.InstanceUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.AccessToken);

        // A Custom external credential from the middle of the file (i % 3 == 2 is Custom).
        var ec = Workload.EcName(Math.Max(2, (workload.Count / 2 / 3 * 3) + 2));
        var query = $"?externalCredential={ec}&principalName=Default&principalType=NamedPrincipal";
        var round = 0;

        HttpContent Patch() => new StringContent(
            new JsonObject
            {
                ["externalCredential"] = ec,
                ["principalName"] = "Default",
                ["principalType"] = "NamedPrincipal",
                ["authenticationProtocol"] = "Custom",
                ["credentials"] = new JsonObject
                {
                    ["ApiKey"] = new JsonObject { ["encrypted"] = true, ["value"] = $"bench-{round++}" },
                },
            }.ToJsonString(),
            Encoding.UTF8,
            "application/json");

        var versions = await TimeAsync(() => SendAsync(http, HttpMethod.Get, "/services/data/"));
        var get = await TimeAsync(() => SendAsync(http, HttpMethod.Get, CredentialPath + query));
        var patch = await TimeAsync(() => SendAsync(http, HttpMethod.Patch, CredentialPath, Patch));

        return new LocalOrgLatency(stateBytes,
        [
            ("GET /services/data/ (no state)", versions),
            ("GET credential", get),
            ("PATCH credential (1 key)", patch),
        ]);
    }

    /// <summary>Start and stop of a local org over an empty folder, which every CLI run does once.</summary>
    public static async Task<Stats> StartAndStopAsync(int runs = 10)
    {
        var folder = Path.Combine(Path.GetTempPath(), "credsync-bench-org-" + Guid.NewGuid().ToString("N")[..12]);
        var samples = new List<double>();

        try
        {
            // The first start creates the folder's files and is not counted.
            for (var i = 0; i <= runs; i++)
            {
                var watch = Stopwatch.StartNew();

                await using (await LocalOrgServer.StartAsync(new LocalOrgOptions { DataDirectory = folder }))
                {
                }

                if (i > 0)
                {
                    samples.Add(watch.Elapsed.TotalMilliseconds);
                }
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        return Stats.Of(samples);
    }

    public static void Report(IReadOnlyList<int> sizes, Dictionary<int, LocalOrgLatency> latencies, Stats orgStart)
    {
        var stateSizes = string.Join(", ", sizes.Select(s => $"{latencies[s].StateBytes / 1024.0:0} KiB at {s}"));

        Bench.Report.Heading("Local org latency per request, from an HTTP client, after apply");
        Bench.Report.Line(
            "GET /services/data/ reads no state (the HTTP floor); every authenticated request loads the org's " +
            $"files and saves its usage count; PATCH also saves the state. state.json after apply: {stateSizes}. " +
            "Starting and stopping a local org, which each CLI run does once: " +
            $"median {Stats.Ms(orgStart.Median)} ms, p95 {Stats.Ms(orgStart.P95)} ms (n = {orgStart.Count}).");
        Bench.Report.Table(
            ["request", "credentials", "n", "median ms", "p95 ms", "min ms"],
            sizes.SelectMany(size => latencies[size].Requests.Select(r => (IReadOnlyList<string>)
            [
                r.Request, Num(size), Num(r.Stats.Count),
                Stats.Ms(r.Stats.Median), Stats.Ms(r.Stats.P95), Stats.Ms(r.Stats.Min),
            ])).ToList());
    }

    private static async Task SendAsync(HttpClient http, HttpMethod method, string path, Func<HttpContent>? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body?.Invoke() };
        using var response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();

        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}.");
        }
    }

    private static async Task<Stats> TimeAsync(Func<Task> request)
    {
        const int warmUp = 10;
        const int max = 100;
        const double maxSeconds = 2;

        for (var i = 0; i < warmUp; i++)
        {
            await request();
        }

        var samples = new List<double>();
        var total = Stopwatch.StartNew();

        while (samples.Count < max && total.Elapsed.TotalSeconds < maxSeconds)
        {
            var watch = Stopwatch.StartNew();
            await request();
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }

        return Stats.Of(samples);
    }

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);
}
