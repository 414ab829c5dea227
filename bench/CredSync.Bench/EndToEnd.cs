using System.Diagnostics;
using System.Globalization;
using CredSync.Cli;
using CredSync.LocalOrg;

namespace CredSync.Bench;

/// <summary>
/// plan on an empty org, apply --auto-approve, and plan again, run in process through
/// CliApp.RunAsync against the local org that each run starts on 127.0.0.1 (as
/// <c>credsync plan</c> does with no flags); then the local org's own latency per request.
/// Every loop is bounded: at most <c>maxRepetitions</c> cycles per size, and no new cycle
/// once <c>budgetPerSize</c> has passed (the first always runs).
/// </summary>
public static class EndToEnd
{
    private static readonly string[] Phases = ["plan (empty org)", "apply --auto-approve", "plan (converged)"];

    public static async Task RunAsync(IReadOnlyList<int> sizes, int maxRepetitions, TimeSpan budgetPerSize)
    {
        using var clock = new ServerClock();

        // Untimed cycles on a small file pay for first use and let the tiered JIT promote the
        // hot code, so the timed cycles measure a warm process (a new process is in Startup).
        var warming = Stopwatch.StartNew();

        for (var i = 0; i < 20 && (i == 0 || warming.Elapsed < TimeSpan.FromSeconds(5)); i++)
        {
            using var warmUp = Workload.Create(10);
            await CycleAsync(warmUp, clock);
        }

        var orgStart = await LocalOrgLatency.StartAndStopAsync();
        var cycles = new Dictionary<int, List<Step[]>>();
        var latencies = new Dictionary<int, LocalOrgLatency>();

        foreach (var size in sizes)
        {
            var runs = cycles[size] = [];
            var elapsed = Stopwatch.StartNew();
            Workload? workload = null;

            try
            {
                while (runs.Count < maxRepetitions && (runs.Count == 0 || elapsed.Elapsed < budgetPerSize))
                {
                    workload?.Dispose();
                    workload = Workload.Create(size);
                    runs.Add(await CycleAsync(workload, clock));
                    Console.Error.WriteLine(
                        $"[e2e] {size} credentials: {runs.Count} cycle(s) in {elapsed.Elapsed.TotalSeconds:0.0} s");
                }

                latencies[size] = await LocalOrgLatency.MeasureAsync(workload!);
            }
            finally
            {
                workload?.Dispose();
            }
        }

        ReportCycles(sizes, cycles);
        LocalOrgLatency.Report(sizes, latencies, orgStart);
    }

    private static void ReportCycles(IReadOnlyList<int> sizes, Dictionary<int, List<Step[]>> cycles)
    {
        Report.Heading("End to end: wall time and requests (in process, local org over HTTP on 127.0.0.1)");
        Report.Line("Wall time is the median over the cycles (n). Server is the time the local org's host spent " +
                    "on the requests (http.server.request.duration, summed); client is wall less server. " +
                    "CPU is the process's CPU time (client and server, all threads) during the run.");

        var rows = new List<IReadOnlyList<string>>();
        var routes = new List<IReadOnlyList<string>>();

        foreach (var size in sizes)
        {
            for (var i = 0; i < Phases.Length; i++)
            {
                var steps = cycles[size].Select(c => c[i]).ToList();
                var wall = Stats.Of(steps.Select(s => s.WallMs).ToList());
                var server = Stats.Of(steps.Select(s => s.ServerMs).ToList()).Median;
                var cpu = Stats.Of(steps.Select(s => s.CpuMs).ToList()).Median;
                var requests = steps[0].Requests;
                var perCredential = (requests / (double)size).ToString("0.00", CultureInfo.InvariantCulture);

                rows.Add(
                [
                    Phases[i], Num(size), Num(steps.Count), Stats.Ms(wall.Median), Stats.Ms(wall.P95),
                    Num(requests), perCredential, Num(steps[0].Writes),
                    Stats.Ms(server), Stats.Ms(wall.Median - server), Stats.Ms(server / requests), Stats.Ms(cpu),
                ]);
                routes.Add([Phases[i], Num(size), steps[0].ByRoute]);
            }
        }

        Report.Table(
            [
                "phase", "credentials", "n", "wall median ms", "wall p95 ms", "requests", "requests / credential",
                "writes", "server ms", "client ms", "server ms / request", "CPU ms",
            ],
            rows);

        Report.Heading("End to end: requests by method and route (first cycle)");
        Report.Table(["phase", "credentials", "requests"], routes, left: true);
    }

    private sealed record Step(double WallMs, int Requests, int Writes, double ServerMs, double CpuMs, string ByRoute);

    private static async Task<Step[]> CycleAsync(Workload workload, ServerClock clock)
    {
        string[] common = ["-c", workload.ConfigPath, "--data", workload.DataDirectory, "--no-color"];

        return
        [
            await RunCliAsync(workload, clock, 2, ["plan", "--detailed-exitcode", .. common]),
            await RunCliAsync(workload, clock, 0, ["apply", "--auto-approve", .. common]),
            await RunCliAsync(workload, clock, 0, ["plan", "--detailed-exitcode", .. common]),
        ];
    }

    private static async Task<Step> RunCliAsync(Workload workload, ServerClock clock, int expectedExit, string[] args)
    {
        var servers = new List<LocalOrgServer>();
        var stderr = new StringWriter();
        var env = new CliEnvironment
        {
            Out = new StringWriter(),
            Error = stderr,
            WorkingDirectory = workload.Directory,
            GetVariable = workload.GetVariable,
            OnLocalOrgStarted = servers.Add,
        };

        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var before = clock.Read().Milliseconds;
        var watch = Stopwatch.StartNew();
        var exit = await CliApp.RunAsync(args, env);
        watch.Stop();
        var server = clock.Read().Milliseconds - before;
        self.Refresh();
        var cpu = (self.TotalProcessorTime - cpuBefore).TotalMilliseconds;

        if (exit != expectedExit)
        {
            var error = stderr.ToString();
            throw new InvalidOperationException(
                $"credsync {args[0]} at {workload.Count} credentials exited {exit}, not {expectedExit}:\n" +
                error[..Math.Min(error.Length, 4000)]);
        }

        var requests = servers.SelectMany(s => s.Requests).ToList();
        var byRoute = string.Join(", ", requests
            .GroupBy(r => $"{r.Method} {ShortRoute(r.Template ?? r.Path)}")
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} ×{g.Count()}"));

        var writes = requests.Count(r => r.Method != "GET");

        return new Step(watch.Elapsed.TotalMilliseconds, requests.Count, writes, server, cpu, byRoute);
    }

    private static string ShortRoute(string template)
    {
        const string prefix = "named-credentials/";
        var at = template.IndexOf(prefix, StringComparison.Ordinal);

        return at >= 0 ? template[(at + prefix.Length)..] : template;
    }

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);
}
