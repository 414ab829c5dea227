using CredSync.LocalOrg;

namespace CredSync.Cli.Tests.Support;

/// <summary>Runs credsync in process with its own streams, environment and working folder.</summary>
public static class Credsync
{
    public static Task<CliResult> RunAsync(
        string workingDirectory,
        IReadOnlyDictionary<string, string>? variables,
        params string[] args) =>
        RunAsync(workingDirectory, variables, null, args);

    /// <summary>Runs credsync; <paramref name="arrange"/> sees each local org before its first request (to switch on faults).</summary>
    public static async Task<CliResult> RunAsync(
        string workingDirectory,
        IReadOnlyDictionary<string, string>? variables,
        Action<LocalOrgServer>? arrange,
        params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var servers = new List<LocalOrgServer>();
        var env = new CliEnvironment
        {
            Out = stdout,
            Error = stderr,
            WorkingDirectory = workingDirectory,
            GetVariable = name => variables is not null && variables.TryGetValue(name, out var v) ? v : null,
            OnLocalOrgStarted = server =>
            {
                servers.Add(server);
                arrange?.Invoke(server);
            },
        };

        var exit = await CliApp.RunAsync(args, env);
        var requests = servers.SelectMany(s => s.Requests).ToList();

        return new CliResult(exit, stdout.ToString(), stderr.ToString(), requests);
    }
}
