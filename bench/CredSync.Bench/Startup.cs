using System.Diagnostics;
using System.Globalization;
using CredSync.Cli;

namespace CredSync.Bench;

/// <summary>
/// The CLI as people run it: a new process of the Release build's apphost, so start-up and a
/// cold JIT are part of every number. <c>credsync validate</c> on the repository's
/// credsync.yaml (and, for contrast, the same command in this already-warm process), then
/// <c>validate</c> and <c>plan</c> on an empty local org for each generated size.
/// </summary>
public static class Startup
{
    public static async Task RunAsync(IReadOnlyList<int> sizes, int runs = 10)
    {
        var root = RepoRoot();
        var name = OperatingSystem.IsWindows() ? "credsync.exe" : "credsync";
        var binary = Path.Combine(root, "src", "CredSync.Cli", "bin", "Release", "net10.0", name);

        if (!File.Exists(binary))
        {
            throw new FileNotFoundException(
                $"{binary} is missing; build it first: dotnet build -c Release src/CredSync.Cli");
        }

        // Untimed first runs: fill the OS file cache, and JIT the in-process path.
        await RunProcessAsync(binary, root, 0, null, "validate");
        var process = new List<double>();

        for (var i = 0; i < runs; i++)
        {
            process.Add(await RunProcessAsync(binary, root, 0, null, "validate"));
        }

        var env = new CliEnvironment { Out = TextWriter.Null, Error = TextWriter.Null, WorkingDirectory = root };
        await CliApp.RunAsync(["validate"], env);
        var inProcess = new List<double>();

        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            var exit = await CliApp.RunAsync(["validate"], env);
            inProcess.Add(watch.Elapsed.TotalMilliseconds);

            if (exit != 0)
            {
                throw new InvalidOperationException($"credsync validate exited {exit} in process.");
            }
        }

        Report.Heading("CLI start-up: credsync validate on the root credsync.yaml");
        Report.Table(
            ["how", "n", "median ms", "p95 ms", "min ms", "max ms"],
            [
                Row("new process (src/CredSync.Cli/bin/Release/net10.0/credsync)", Stats.Of(process)),
                Row("in a warm process (CliApp.RunAsync)", Stats.Of(inProcess)),
            ]);

        var rows = new List<IReadOnlyList<string>>();

        foreach (var size in sizes)
        {
            rows.Add(Row($"validate, {size} credentials", await GeneratedAsync(binary, size, plan: false)));
        }

        foreach (var size in sizes)
        {
            var stats = await GeneratedAsync(binary, size, plan: true);
            rows.Add(Row($"plan on an empty local org, {size} credentials", stats));
        }

        Report.Heading("The CLI in a new process on the generated files (cold JIT, local org in the same process)");
        Report.Table(["command", "n", "median ms", "p95 ms", "min ms", "max ms"], rows);
    }

    /// <summary>
    /// validate, or plan against a new empty local org folder, on a generated file: 5 runs, or
    /// 3 from 1000 credentials up, each a new process.
    /// </summary>
    private static async Task<Stats> GeneratedAsync(string binary, int size, bool plan)
    {
        using var workload = Workload.Create(size);
        var samples = new List<double>();
        var runs = size >= 1000 ? 3 : 5;

        for (var i = 0; i < runs; i++)
        {
            var data = Path.Combine(workload.Directory, $"org-{i}");
            string[] args = plan
                ?
                [
                    "plan", "-c", workload.ConfigPath, "--target-org", "local", "--data", data,
                    "--detailed-exitcode", "--no-color",
                ]
                : ["validate", "-c", workload.ConfigPath];

            samples.Add(await RunProcessAsync(binary, workload.Directory, plan ? 2 : 0, workload.Variables, args));
        }

        return Stats.Of(samples);
    }

    private static string[] Row(string how, Stats s) =>
    [
        how, s.Count.ToString(CultureInfo.InvariantCulture),
        Stats.Ms(s.Median), Stats.Ms(s.P95), Stats.Ms(s.Min), Stats.Ms(s.Max),
    ];

    private static async Task<double> RunProcessAsync(
        string binary,
        string workingDirectory,
        int expectedExit,
        IReadOnlyDictionary<string, string>? variables,
        params string[] args)
    {
        var start = new ProcessStartInfo(binary, args)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // Never a real org: without these the CLI can only reach its own local org.
        start.Environment.Remove("SF_ACCESS_TOKEN");
        start.Environment.Remove("SF_INSTANCE_URL");

        foreach (var (key, value) in variables ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{binary} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));

        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"credsync {args[0]} did not finish in 120 s and was stopped.");
        }

        watch.Stop();
        await Task.WhenAll(stdout, stderr);

        if (process.ExitCode != expectedExit)
        {
            throw new InvalidOperationException(
                $"credsync {args[0]} exited {process.ExitCode}, not {expectedExit}: {await stderr}");
        }

        return watch.Elapsed.TotalMilliseconds;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CredSync.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("CredSync.sln was not found above the bench's output folder.");
    }
}
