using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using CredSync.Core.Diagnostics;
using CredSync.Salesforce;

namespace CredSync.Cli.Targets;

/// <summary>
/// Gets an org's instance URL and access token from the Salesforce CLI, for
/// <c>--target-org ALIAS</c>: <c>sf org display</c> for the URL and
/// <c>sf org auth show-access-token</c> for the token (display redacts it). The token is
/// never logged or printed.
/// </summary>
public static class SfCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public static async Task<SalesforceConnection> ConnectionAsync(string alias, CliEnvironment env, CancellationToken cancellationToken)
    {
        var sf = Find(env) ?? throw new InvalidInputException(Diagnostic.Error(
            $"--target-org '{alias}' needs the Salesforce CLI (sf), which is not on PATH.",
            "Install it (npm install --global @salesforce/cli), or export SF_INSTANCE_URL and SF_ACCESS_TOKEN instead."));

        var display = await RunAsync(sf, ["org", "display", "--target-org", alias, "--json"], alias, env, cancellationToken);
        var token = await RunAsync(sf, ["org", "auth", "show-access-token", "--target-org", alias, "--json"], alias, env, cancellationToken);

        var instanceUrl = display["result"]?["instanceUrl"]?.GetValue<string>();
        var accessToken = token["result"]?["accessToken"]?.GetValue<string>();

        if (string.IsNullOrEmpty(instanceUrl) || string.IsNullOrEmpty(accessToken))
        {
            throw new SalesforceConnectionException($"The Salesforce CLI gave no instance URL or access token for '{alias}'. Run 'sf org display --target-org {alias}' to check the org.");
        }

        try
        {
            return SalesforceConnection.Create(instanceUrl, accessToken);
        }
        catch (ArgumentException e)
        {
            throw new SalesforceConnectionException($"The Salesforce CLI's instance URL for '{alias}' cannot be used: {e.Message}");
        }
    }

    private static string? Find(CliEnvironment env)
    {
        var path = env.GetVariable("PATH") ?? "";

        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, OperatingSystem.IsWindows() ? "sf.cmd" : "sf");

            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static async Task<JsonNode> RunAsync(string sf, string[] args, string alias, CliEnvironment env, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(sf)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = env.WorkingDirectory,
        };

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PATH"] = env.GetVariable("PATH") ?? "";
        start.Environment["SF_JSON_TO_STDOUT"] = "true";

        using var process = Process.Start(start) ?? throw new SalesforceConnectionException($"'{sf}' could not be started.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);

        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);

        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new SalesforceConnectionException($"'sf {args[0]} {args[1]}' did not finish within {Timeout.TotalSeconds:0} s.");
        }

        JsonNode? json;

        try
        {
            json = JsonNode.Parse(await stdout);
        }
        catch (JsonException)
        {
            json = null;
        }

        _ = await stderr;

        if (process.ExitCode != 0 || json is null || json["status"]?.GetValue<int>() is not 0)
        {
            // The CLI's JSON error carries a name and a message; neither holds the token.
            var name = json?["name"]?.GetValue<string>() ?? $"exit code {process.ExitCode}";
            var message = json?["message"]?.GetValue<string>() ?? "no JSON answer";

            throw new SalesforceConnectionException($"The Salesforce CLI could not give a session for '{alias}': {name}: {message}");
        }

        return json;
    }
}
