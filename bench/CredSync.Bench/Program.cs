using System.Diagnostics;
using System.Globalization;
using CredSync.Bench;

// Measures CredSync; see bench/README.md. Nothing here is a test: no thresholds, no pass or
// fail on timings. Run in Release:
//   dotnet run -c Release --project bench/CredSync.Bench [-- all|micro|e2e|startup]
//     [--sizes 10,100,1000] [--repetitions 5] [--budget-seconds 20]

const string Usage =
    "usage: CredSync.Bench [all|micro|e2e|startup] [--sizes 10,100,1000] [--repetitions 5] [--budget-seconds 20]";

var what = args.FirstOrDefault(a => !a.StartsWith('-')) ?? "all";
var sizes = Option("--sizes")?.Split(',').Select(Int).ToArray() ?? [10, 100, 1000];
var repetitions = Int(Option("--repetitions") ?? "5");
var budget = TimeSpan.FromSeconds(Int(Option("--budget-seconds") ?? "20"));

if (what is not ("all" or "micro" or "e2e" or "startup"))
{
    Console.Error.WriteLine(Usage);
    return 3;
}

#if DEBUG
Console.Error.WriteLine("A Debug build's numbers mean nothing; run in Release (see bench/README.md).");
return 3;
#else
var total = Stopwatch.StartNew();

Report.Heading("Machine");
Report.Line(Machine.Describe());

if (what is "all" or "micro")
{
    MicroReport.Run();
}

if (what is "all" or "e2e")
{
    await EndToEnd.RunAsync(sizes, repetitions, budget);
}

if (what is "all" or "startup")
{
    await Startup.RunAsync(sizes);
}

Report.Line($"\nTotal bench time: {total.Elapsed.TotalSeconds:0} s; load average at the end: {Machine.LoadAverage()}");
Console.WriteLine($"Saved to {Report.Save(Path.Combine("BenchmarkDotNet.Artifacts", "credsync-bench.md"))}");

return 0;
#endif

string? Option(string name)
{
    var at = Array.IndexOf(args, name);

    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}

static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);
