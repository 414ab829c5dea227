using BenchmarkDotNet.Attributes;
using CredSync.Core.Ledger;
using CredSync.Core.Live;
using CredSync.Core.Model;
using CredSync.Core.Planning;
using CredSync.Core.Secrets;

namespace CredSync.Bench;

/// <summary>
/// Planner.Build on prebuilt desired and live state: no file, no network, no store. The
/// setup checks that each case plans what its name says.
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet requires benchmark classes it can derive from.</remarks>
[MemoryDiagnoser]
public class PlannerBenchmarks
{
    private Workload _workload = null!;
    private DesiredState _desired = null!;
    private ResolvedSecrets _secrets = null!;
    private ResolvedSecrets _rotatedSecrets = null!;
    private LiveOrgState _empty = null!;
    private FingerprintLedger _emptyLedger = null!;
    private LiveOrgState _converged = null!;
    private FingerprintLedger _convergedLedger = null!;

    [Params(10, 100, 1000)]
    public int Credentials { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _workload = Workload.Create(Credentials);
        _desired = _workload.Load();
        _secrets = Workload.Resolve(_desired, _workload.Variables);
        _rotatedSecrets = Workload.Resolve(_desired, _workload.RotatedVariables());
        var ledgerPath = Path.Combine(_workload.Directory, "ledger.json");
        _empty = Workload.EmptyOrg();
        _emptyLedger = Workload.EmptyLedger(ledgerPath);
        (_converged, _convergedLedger) = Workload.ConvergedOrg(_desired, _secrets, ledgerPath);

        Expect("first plan", FirstPlan(), create: 3 * Credentials, update: 0);
        Expect("converged", Converged(), create: 0, update: 0);
        Expect("one rotated secret", OneRotated(), create: 0, update: 1);
    }

    [GlobalCleanup]
    public void Cleanup() => _workload.Dispose();

    [Benchmark(Description = "first plan (all create)")]
    public Plan FirstPlan() => Planner.Build(_desired, _empty, _secrets, _emptyLedger);

    [Benchmark(Description = "converged (all no-op)")]
    public Plan Converged() => Planner.Build(_desired, _converged, _secrets, _convergedLedger);

    [Benchmark(Description = "one rotated secret")]
    public Plan OneRotated() => Planner.Build(_desired, _converged, _rotatedSecrets, _convergedLedger);

    private static void Expect(string name, Plan plan, int create, int update)
    {
        var s = plan.Summary;

        if (plan.HasErrors || s.Create != create || s.Update != update || s.Delete != 0 || s.Replace != 0)
        {
            throw new InvalidOperationException(
                $"The '{name}' case planned {s.Create} create, {s.Update} update, " +
                $"{s.Delete} delete, {s.Replace} replace " +
                $"(errors: {plan.HasErrors}); expected {create} create and {update} update.");
        }
    }
}
