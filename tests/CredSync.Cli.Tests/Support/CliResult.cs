using CredSync.LocalOrg;

namespace CredSync.Cli.Tests.Support;

/// <summary>What one in-process run of credsync produced.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error, IReadOnlyList<RecordedRequest> Requests)
{
    /// <summary>The requests that change the org (anything but GET).</summary>
    public IReadOnlyList<RecordedRequest> Writes => Requests.Where(r => r.Method != "GET").ToList();

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}
