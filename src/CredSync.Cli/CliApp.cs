using System.CommandLine;
using CredSync.Cli.Commands;
using CredSync.Cli.Logging;
using CredSync.Core.Diagnostics;
using CredSync.Salesforce;
using Microsoft.Extensions.Logging;

namespace CredSync.Cli;

/// <summary>
/// The credsync command line. Every command returns an exit code; this is the one place
/// that turns failures into messages on stderr and the promised codes.
/// </summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliEnvironment env, CancellationToken cancellationToken = default)
    {
        var common = new CommonOptions();
        var root = new RootCommand("CredSync: declarative sync of Salesforce External Credential secrets from versioned YAML.");
        var commands = new CommandBase[]
        {
            new ValidateCommand(common, env),
            new PlanCommand(common, env, drift: false),
            new ApplyCommand(common, env),
            new PlanCommand(common, env, drift: true),
            new ImportCommand(common, env),
            new SchemaCommand(env),
            new LocalOrgCommand(env),
        };

        foreach (var command in commands)
        {
            root.Add(command.Build());
        }

        var parse = root.Parse(args);

        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await env.Error.WriteLineAsync($"Error: {error.Message}");
            }

            await env.Error.WriteLineAsync("Run 'credsync --help' for usage.");
            return ExitCodes.InvalidInput;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = env.Out, Error = env.Error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }, cancellationToken);
        }
        catch (InvalidInputException e)
        {
            // With --format json, stdout still carries a document a pipeline can read.
            if (parse.GetValue(common.Format) == "json" && parse.CommandResult.Command.Options.Contains(common.Format))
            {
                await env.Out.WriteLineAsync(new System.Text.Json.Nodes.JsonObject
                {
                    ["format_version"] = Views.PlanDocument.FormatVersion,
                    ["valid"] = false,
                    ["diagnostics"] = Views.PlanDocument.Diagnostics(e.Diagnostics),
                }.ToJsonString(Views.PlanDocument.Indented));
            }

            WriteDiagnostics(env.Error, e.Diagnostics);
            return ExitCodes.InvalidInput;
        }
        catch (SalesforceApiException e)
        {
            var message = e.ErrorMessage.Length == 0 ? "" : $": {e.ErrorMessage}";
            await env.Error.WriteLineAsync($"Error: {e.Call} failed: {(int)e.Status} {e.ErrorCode}{message}");
            await env.Error.WriteLineAsync(Hint(e));
            return ExitCodes.Error;
        }
        catch (SalesforceConnectionException e)
        {
            await env.Error.WriteLineAsync($"Error: {e.Message}");
            return ExitCodes.Error;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await env.Error.WriteLineAsync("Cancelled.");
            return ExitCodes.Error;
        }
        catch (InvalidDataException e)
        {
            // A damaged local org file: say which, and how to start over.
            await env.Error.WriteLineAsync($"Error: {e.Message} Delete the local org's folder (or pass another --data) to start with an empty org.");
            return ExitCodes.Error;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await env.Error.WriteLineAsync($"Error: {e.Message}");
            return ExitCodes.Error;
        }
        catch (Exception e)
        {
            // A bug, not a user error. No secret value is ever part of an exception message.
            await env.Error.WriteLineAsync($"Error: CredSync failed unexpectedly ({e.GetType().Name}: {e.Message}).");
            await env.Error.WriteLineAsync("  This is a bug in CredSync; please report it with the command you ran. Run with -v debug for more.");
            return ExitCodes.Error;
        }
    }

    public static void WriteDiagnostics(TextWriter writer, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            var label = d.Severity switch
            {
                DiagnosticSeverity.Error => "Error",
                DiagnosticSeverity.Warning => "Warning",
                _ => "Note",
            };
            // Located problems use the compiler convention (file:line:column: error: ...), which
            // editors and CI annotations understand.
            writer.WriteLine(d.Location is null
                ? $"{label}: {d.Summary}"
                : $"{d.Location}: {label.ToLowerInvariant()}: {d.Summary}");

            if (d.Detail is not null)
            {
                writer.WriteLine($"  {d.Detail}");
            }
        }
    }

    public static ILoggerFactory Loggers(CliEnvironment env, LogLevel level) =>
        LoggerFactory.Create(builder => builder
            .SetMinimumLevel(level)
            .AddProvider(new TextWriterLoggerProvider(env.Error, level)));

    private static string Hint(SalesforceApiException e) => e.ErrorCode switch
    {
        "INVALID_SESSION_ID" or "Bad_OAuth_Token" => "  The access token is expired or not valid for this instance; get a new one (sf org auth show-access-token).",
        "REQUEST_LIMIT_EXCEEDED" => "  The org's 24-hour API allocation is used up; try again later or ask for more.",
        "API_DISABLED_FOR_ORG" => "  The user lacks 'API Enabled', or the edition has no API access.",
        _ => "  Nothing more was attempted.",
    };
}
