using BenchmarkDotNet.Attributes;
using CredSync.Core.Loading;
using CredSync.Core.Model;

namespace CredSync.Bench;

/// <summary>
/// DesiredStateLoader.Load on a generated file (read, YAML, JSON Schema, binding and the
/// checks beyond the schema), and its two biggest steps on their own.
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet requires benchmark classes it can derive from.</remarks>
[MemoryDiagnoser]
public class LoadBenchmarks
{
    private Workload _workload = null!;
    private string _text = "";
    private YamlDocument _document = null!;

    [Params(10, 100, 1000)]
    public int Credentials { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _workload = Workload.Create(Credentials);
        _text = File.ReadAllText(_workload.ConfigPath);
        _document = YamlReader.Read("credsync.yaml", _text);

        var state = _workload.Load();

        if (state.ExternalCredentials.Count != Credentials || state.NamedCredentials.Count != Credentials)
        {
            throw new InvalidOperationException(
                $"The generated file holds {state.ExternalCredentials.Count} external credentials, not {Credentials}.");
        }

        if (SchemaValidator.Validate(_document).Count != 0)
        {
            throw new InvalidOperationException("The generated file does not pass the schema.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _workload.Dispose();

    [Benchmark(Description = "Load (whole)")]
    public DesiredState Load() => DesiredStateLoader.Load(_workload.ConfigPath);

    [Benchmark(Description = "YAML to tree")]
    public YamlDocument ReadYaml() => YamlReader.Read("credsync.yaml", _text);

    [Benchmark(Description = "JSON Schema")]
    public int ValidateSchema() => SchemaValidator.Validate(_document).Count;
}
