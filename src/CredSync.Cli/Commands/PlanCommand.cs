using System.CommandLine;
using System.Text.Json.Nodes;
using CredSync.Cli.Views;
using CredSync.Core.Ledger;

namespace CredSync.Cli.Commands;

/// <summary>
/// <c>credsync plan</c> prints what apply would do; <c>credsync drift</c> reports the same
/// differences for a scheduled run and exits 2 when there are any.
/// </summary>
public sealed class PlanCommand(CommonOptions common, CliEnvironment env, bool drift) : CommandBase(env)
{
    private readonly Option<string?> _out = new("--out")
    {
        Description = "Save the plan (JSON, no secret values) for 'credsync apply PLANFILE'.",
    };

    private readonly Option<bool> _detailedExitCode = new("--detailed-exitcode")
    {
        Description = "Exit 2 when there are changes, 0 when there are none.",
    };

    public override Command Build()
    {
        var command = drift
            ? new Command("drift", "Report how the org differs from credsync.yaml; exits 2 when it does. Reads only.")
            : new Command("plan", "Show the calls that would make the org match credsync.yaml. Reads only.");

        common.AddTo(command);

        if (!drift)
        {
            command.Add(_out);
            command.Add(_detailedExitCode);
        }

        command.SetAction(RunAsync);

        return command;
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        using var loggers = CliApp.Loggers(Env, common.Level(parse));
        await using var run = await PlanRun.StartAsync(parse.GetValue(common.Config)!, common.Target(parse), Env, loggers, cancellationToken);

        var document = PlanDocument.From(run.Plan);
        var format = parse.GetValue(common.Format);

        if (run.Plan.HasErrors)
        {
            if (format == "json")
            {
                Env.Out.WriteLine(document.ToJsonString(PlanDocument.Indented));
            }

            CliApp.WriteDiagnostics(Env.Error, run.Plan.Diagnostics.Where(d => d.IsError));
            await Env.Error.WriteLineAsync("No plan was made and nothing was changed.");
            return ExitCodes.Error;
        }

        Env.Out.Write(Render(document, format, common.Style(parse, Env), drift));

        if (!drift && parse.GetValue(_out) is { } outPath)
        {
            AtomicFile.Write(Env.Resolve(outPath), document.ToJsonString(PlanDocument.Indented) + "\n");
            await Env.Error.WriteLineAsync($"Saved the plan to {outPath}. Apply exactly it with: credsync apply {outPath}");
        }

        var changes = run.Plan.Summary.HasChanges;

        return drift || parse.GetValue(_detailedExitCode)
            ? (changes ? ExitCodes.ChangesPresent : ExitCodes.Success)
            : ExitCodes.Success;
    }

    public static string Render(JsonObject document, string? format, Style style, bool drift = false) => format switch
    {
        "json" => document.ToJsonString(PlanDocument.Indented) + "\n",
        "markdown" => MarkdownPlanView.Render(document, drift),
        _ => TextPlanView.Render(document, style, drift),
    };
}
