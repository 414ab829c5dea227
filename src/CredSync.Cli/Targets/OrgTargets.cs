using CredSync.Core.Diagnostics;
using CredSync.LocalOrg;
using CredSync.Salesforce;
using Microsoft.Extensions.Logging;

namespace CredSync.Cli.Targets;

/// <summary>
/// Chooses and opens the org: <c>--target-org local</c> (the default when nothing names an
/// org) starts the local org in process on 127.0.0.1; SF_ACCESS_TOKEN with SF_INSTANCE_URL
/// names a real org directly; any other name is an alias or username the Salesforce CLI knows.
/// </summary>
public static class OrgTargets
{
    public const string Local = "local";

    public static async Task<OpenOrg> OpenAsync(
        TargetOptions options,
        string configDirectory,
        CliEnvironment env,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var token = env.GetVariable("SF_ACCESS_TOKEN");
        var instance = env.GetVariable("SF_INSTANCE_URL");
        var target = options.TargetOrg;

        if (target is null && (token is not null || instance is not null))
        {
            // One of the pair set means the user named an org; falling back to the local org
            // would report success while the real org stays untouched.
            if (string.IsNullOrEmpty(token) || string.IsNullOrEmpty(instance))
            {
                var summary = string.IsNullOrEmpty(token) && string.IsNullOrEmpty(instance)
                    ? "SF_INSTANCE_URL and SF_ACCESS_TOKEN are set but empty."
                    : string.IsNullOrEmpty(instance)
                        ? "SF_INSTANCE_URL is not set (or empty), but SF_ACCESS_TOKEN is."
                        : "SF_ACCESS_TOKEN is not set (or empty), but SF_INSTANCE_URL is.";

                throw new InvalidInputException(Diagnostic.Error(
                    summary,
                    "Set both to reach that org, or unset both (or pass --target-org local) to use the local org."));
            }

            return Open(SalesforceConnection(instance, token), null, $"the org at {instance} (SF_INSTANCE_URL)", loggers);
        }

        if (target is null or Local)
        {
            var data = options.DataDirectory is null
                ? Path.Combine(configDirectory, ".credsync", "local-org")
                : env.Resolve(options.DataDirectory);
            var server = await LocalOrgServer.StartAsync(new LocalOrgOptions { DataDirectory = data }, cancellationToken);

            env.OnLocalOrgStarted?.Invoke(server);

            var connection = Salesforce.SalesforceConnection.Create(server.InstanceUrl.ToString(), server.AccessToken);

            return Open(connection, server, $"the local org in {Path.GetRelativePath(env.WorkingDirectory, data)}", loggers);
        }

        var fromCli = await SfCli.ConnectionAsync(target, env, cancellationToken);

        return Open(fromCli, null, $"the org '{target}' of the Salesforce CLI", loggers);
    }

    private static SalesforceConnection SalesforceConnection(string instance, string token)
    {
        try
        {
            return Salesforce.SalesforceConnection.Create(instance, token);
        }
        catch (ArgumentException e)
        {
            throw new InvalidInputException(Diagnostic.Error("SF_INSTANCE_URL cannot be used.", e.Message));
        }
    }

    private static OpenOrg Open(SalesforceConnection connection, LocalOrgServer? server, string description, ILoggerFactory loggers)
    {
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(100) };
        var client = new SalesforceClient(http, connection, loggers.CreateLogger<SalesforceClient>());

        return new OpenOrg(new SalesforceOrg(client, loggers.CreateLogger<SalesforceOrg>()), http, server, description);
    }
}
