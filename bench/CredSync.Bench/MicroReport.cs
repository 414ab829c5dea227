using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace CredSync.Bench;

/// <summary>
/// Runs the BenchmarkDotNet classes in this process with ShortRun settings (3 warm-up and 3
/// measured iterations of about 250 ms each), and reports each with its cost per credential,
/// which stays flat when a step grows linearly.
/// </summary>
public static class MicroReport
{
    private static readonly TimeSpan PreWarmTime = TimeSpan.FromSeconds(8);

    public static void Run()
    {
        PreWarm();

        var job = Job.ShortRun
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithIterationTime(TimeInterval.FromMilliseconds(250))
            .WithId("ShortRun-InProcess");
        var config = ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(job)
            .WithOptions(ConfigOptions.DisableLogFile);

        Type[] classes = [typeof(LoadBenchmarks), typeof(PlannerBenchmarks), typeof(OutputAndLedgerBenchmarks)];

        foreach (var summary in BenchmarkRunner.Run(classes, config))
        {
            Table(summary);
        }
    }

    /// <summary>
    /// Calls every measured step on a small file for a few seconds first. The tiered JIT
    /// promotes hot code only after call counting, an instrumented tier and a background
    /// compile; on a busy 2-core machine that took about 10 s of calls to Load, and
    /// ShortRun's warm-up alone is too short, so the smallest sizes measured half-cold code.
    /// </summary>
    private static void PreWarm()
    {
        var load = new LoadBenchmarks { Credentials = 10 };
        var planner = new PlannerBenchmarks { Credentials = 10 };
        var output = new OutputAndLedgerBenchmarks { Credentials = 10 };
        load.Setup();
        planner.Setup();
        output.Setup();

        try
        {
            var watch = Stopwatch.StartNew();

            for (var round = 0; round < 5_000 && watch.Elapsed < PreWarmTime; round++)
            {
                load.Load();
                load.ReadYaml();
                load.ValidateSchema();
                planner.FirstPlan();
                planner.Converged();
                planner.OneRotated();
                output.Render();
                output.SaveLedger();
            }
        }
        finally
        {
            load.Cleanup();
            planner.Cleanup();
            output.Cleanup();
        }
    }

    private static void Table(Summary summary)
    {
        Report.Heading(summary.BenchmarksCases.FirstOrDefault()?.Descriptor.Type.Name ?? summary.Title);

        var rows = summary.Reports
            .Where(r => r.ResultStatistics is not null)
            .OrderBy(r => r.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo, StringComparer.Ordinal)
            .ThenBy(Credentials)
            .Select(r =>
            {
                var n = Credentials(r);
                var stats = r.ResultStatistics!;
                var bytes = r.GcStats.GetBytesAllocatedPerOperation(r.BenchmarkCase) ?? 0;

                return (IReadOnlyList<string>)
                [
                    r.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\''),
                    n.ToString(CultureInfo.InvariantCulture),
                    Time(stats.Mean),
                    Time(stats.StandardDeviation),
                    Bytes(bytes),
                    Time(stats.Mean / n),
                    Bytes(bytes / n),
                ];
            })
            .ToList();

        Report.Table(
            [
                "benchmark", "credentials", "mean", "stddev", "allocated / op",
                "mean / credential", "allocated / credential",
            ],
            rows);
    }

    private static int Credentials(BenchmarkReport report) => (int)report.BenchmarkCase.Parameters["Credentials"];

    private static string Time(double ns) => ns switch
    {
        < 1_000 => string.Create(CultureInfo.InvariantCulture, $"{ns:0} ns"),
        < 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"{ns / 1_000:0.0} µs"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{ns / 1_000_000:0.00} ms"),
    };

    private static string Bytes(long bytes) => bytes switch
    {
        < 10_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 10_000_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.0} MiB"),
    };
}
