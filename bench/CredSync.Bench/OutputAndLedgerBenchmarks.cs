using BenchmarkDotNet.Attributes;
using CredSync.Cli.Commands;
using CredSync.Cli.Views;
using CredSync.Core.Ledger;
using CredSync.Core.Planning;

namespace CredSync.Bench;

/// <summary>
/// Two client steps around the planner that grow with the file: turning a plan into the JSON
/// document and the text view (what <c>plan</c> prints), and one save of the fingerprint
/// ledger, which <c>apply</c> does after every successful credential call.
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet requires benchmark classes it can derive from.</remarks>
[MemoryDiagnoser]
public class OutputAndLedgerBenchmarks
{
    private Workload _workload = null!;
    private Plan _firstPlan = null!;
    private FingerprintLedger _ledger = null!;

    [Params(10, 100, 1000)]
    public int Credentials { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _workload = Workload.Create(Credentials);
        var desired = _workload.Load();
        var secrets = Workload.Resolve(desired, _workload.Variables);
        var ledgerPath = Path.Combine(_workload.Directory, ".credsync", "ledger.json");
        _firstPlan = Planner.Build(desired, Workload.EmptyOrg(), secrets, Workload.EmptyLedger(ledgerPath));
        (_, _ledger) = Workload.ConvergedOrg(desired, secrets, ledgerPath);
    }

    [GlobalCleanup]
    public void Cleanup() => _workload.Dispose();

    [Benchmark(Description = "plan document + text view (first plan)")]
    public int Render() => PlanCommand.Render(PlanDocument.From(_firstPlan), "text", Style.Plain).Length;

    [Benchmark(Description = "ledger save (whole file)")]
    public void SaveLedger() => _ledger.Save();
}
