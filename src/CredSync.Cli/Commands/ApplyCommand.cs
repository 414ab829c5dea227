using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using CredSync.Cli.Views;
using CredSync.Core.Applying;
using CredSync.Core.Diagnostics;
using Microsoft.Extensions.Logging;

namespace CredSync.Cli.Commands;

/// <summary>
/// <c>credsync apply [PLANFILE]</c>: makes a fresh plan, or checks that a saved plan still
/// describes the org and the stores exactly, then makes its calls in order.
/// </summary>
public sealed class ApplyCommand(CommonOptions common, CliEnvironment env) : CommandBase(env)
{
    private readonly Argument<string?> _planFile = new("PLANFILE")
    {
        Description = "A plan saved with 'credsync plan --out'; apply refuses it if the org or the stores moved since.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private readonly Option<bool> _autoApprove = new("--auto-approve")
    {
        Description = "Apply without asking. Required when not run from a terminal.",
    };

    public override Command Build()
    {
        var command = new Command("apply", "Make the calls of a fresh or saved plan.");
        command.Add(_planFile);
        common.AddTo(command);
        command.Add(_autoApprove);
        command.SetAction(RunAsync);

        return command;
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var autoApprove = parse.GetValue(_autoApprove);

        if (!autoApprove && !Env.Interactive)
        {
            throw new InvalidInputException(Diagnostic.Error(
                "apply needs --auto-approve when it is not run from a terminal.",
                "Review the plan first ('credsync plan --out plan.json'), then 'credsync apply --auto-approve plan.json'."));
        }

        var saved = parse.GetValue(_planFile) is { } planFile ? ReadSavedPlan(planFile) : null;
        var format = parse.GetValue(common.Format);
        var style = common.Style(parse, Env);

        using var loggers = CliApp.Loggers(Env, common.Level(parse));
        await using var run = await PlanRun.StartAsync(parse.GetValue(common.Config)!, common.Target(parse), Env, loggers, cancellationToken, forApply: true);

        var document = PlanDocument.From(run.Plan);

        if (run.Plan.HasErrors)
        {
            CliApp.WriteDiagnostics(Env.Error, run.Plan.Diagnostics.Where(d => d.IsError));
            await Env.Error.WriteLineAsync("Nothing was changed.");
            return ExitCodes.Error;
        }

        if (saved is not null && Stale(saved, document) is { } why)
        {
            await Env.Error.WriteLineAsync($"Error: the plan is stale: {why}");
            await Env.Error.WriteLineAsync("  Nothing was changed. Make a new plan, review it, and apply that.");
            return ExitCodes.Error;
        }

        if (format != "json")
        {
            Env.Out.Write(PlanCommand.Render(document, format, style));
        }

        if (!run.Plan.Summary.HasChanges)
        {
            if (format == "json")
            {
                Env.Out.WriteLine(new JsonObject { ["plan"] = document, ["apply"] = Outcomes([]) }.ToJsonString(PlanDocument.Indented));
            }

            return ExitCodes.Success;
        }

        if (!autoApprove && !await ConfirmAsync())
        {
            await Env.Error.WriteLineAsync("Apply cancelled; nothing was changed.");
            return ExitCodes.Error;
        }

        // Carry out the plan, printing each call's result as it comes.
        run.Target.Org.PrepareApply(run.Desired, run.Secrets);

        var applier = new PlanApplier(run.Target.Org, run.Ledger, loggers.CreateLogger<PlanApplier>());
        var result = await applier.ApplyAsync(run.Plan, run.Desired, format == "json" ? null : o => WriteOutcome(o, style), cancellationToken);

        if (format == "json")
        {
            Env.Out.WriteLine(new JsonObject { ["plan"] = document, ["apply"] = Outcomes(result.Outcomes) }.ToJsonString(PlanDocument.Indented));
        }
        else
        {
            Env.Out.WriteLine();
            Env.Out.WriteLine(Closing(result));
        }

        if (!result.Succeeded)
        {
            await Env.Error.WriteLineAsync(Closing(result));

            foreach (var failed in result.Failed)
            {
                await Env.Error.WriteLineAsync($"  failed: {failed.Address}: {failed.Message}");
            }

            foreach (var skipped in result.Skipped)
            {
                await Env.Error.WriteLineAsync($"  not attempted: {skipped.Address} ({skipped.Message})");
            }

            return ExitCodes.Error;
        }

        return ExitCodes.Success;
    }

    private void WriteOutcome(ChangeOutcome outcome, Style style)
    {
        foreach (var call in outcome.Calls)
        {
            var mark = call.Succeeded ? style.Green("ok") : style.Red("FAILED");
            var status = call.Status is { } s ? $" ({s})" : "";

            Env.Out.WriteLine($"  {mark}  {outcome.Address}: {call.Call}{status}");
        }

        if (outcome.Status == ChangeStatus.Skipped)
        {
            Env.Out.WriteLine($"  {style.Yellow("skip")}  {outcome.Address}: {outcome.Message}");
        }
        else if (outcome.Message is not null)
        {
            Env.Out.WriteLine($"        {outcome.Message}");
        }
    }

    private static string Closing(ApplyResult result)
    {
        var done = result.Outcomes.Count(o => o.Status == ChangeStatus.Succeeded);
        var failed = result.Failed.Count();
        var skipped = result.Skipped.Count();

        return result.Succeeded
            ? $"Apply complete: {done} change(s) made."
            : $"Apply failed: {done} change(s) made, {failed} failed, {skipped} not attempted.";
    }

    private async Task<bool> ConfirmAsync()
    {
        Env.Out.Write("Apply these changes? Only 'yes' is accepted: ");
        await Env.Out.FlushAsync();

        return (await Env.OpenInput().ReadLineAsync())?.Trim() == "yes";
    }

    private JsonObject ReadSavedPlan(string planFile)
    {
        var path = Env.Resolve(planFile);

        if (!File.Exists(path))
        {
            throw new InvalidInputException(Diagnostic.Error($"The plan file '{planFile}' does not exist.", "Save one with 'credsync plan --out FILE'."));
        }

        try
        {
            var node = JsonNode.Parse(File.ReadAllText(path)) as JsonObject
                ?? throw new JsonException("not an object");

            if ((string?)node["format_version"] != PlanDocument.FormatVersion || node["state_digest"] is null)
            {
                throw new InvalidInputException(Diagnostic.Error(
                    $"'{planFile}' is not a CredSync plan of format_version {PlanDocument.FormatVersion}.",
                    "Make a new one with 'credsync plan --out FILE'."));
            }

            return node;
        }
        catch (JsonException e)
        {
            throw new InvalidInputException(Diagnostic.Error($"'{planFile}' is not valid JSON ({e.Message}).", "Make a new plan with 'credsync plan --out FILE'."));
        }
    }

    /// <summary>Why a saved plan no longer matches a fresh one, or null when it still does.</summary>
    private static string? Stale(JsonObject saved, JsonObject fresh)
    {
        if ((string?)saved["org"]?["organization_id"] != (string?)fresh["org"]!["organization_id"])
        {
            return $"it was made for org {saved["org"]?["organization_id"]}, not {fresh["org"]!["organization_id"]}.";
        }

        if ((string?)saved["config"]?["digest"] != (string?)fresh["config"]!["digest"])
        {
            return "credsync.yaml changed since the plan was made.";
        }

        if ((string?)saved["state_digest"] == (string?)fresh["state_digest"])
        {
            // The digests say nothing moved; the changes must still be the ones in the file, so
            // an edited plan file is not applied as if it had been reviewed.
            return Calls(saved) == Calls(fresh)
                ? null
                : "its changes are not the ones a fresh plan makes (was the file edited?).";
        }

        var before = Index(saved);
        var after = Index(fresh);
        var moved = after.Keys.Union(before.Keys)
            .Where(a => !before.TryGetValue(a, out var b) || !after.TryGetValue(a, out var f) || b.Live != f.Live || b.Secrets != f.Secrets)
            .Order(StringComparer.Ordinal)
            .Select(a => before.TryGetValue(a, out var b) && after.TryGetValue(a, out var f) && b.Live == f.Live
                ? $"{a} (a secret in the store changed)"
                : $"{a} (the org changed)")
            .ToList();

        return moved.Count == 0
            ? "the org's list of credentials changed since the plan was made."
            : "these moved since the plan was made: " + string.Join(", ", moved) + ".";
    }

    private static string Calls(JsonObject document) =>
        string.Join("\n", (document["changes"] as JsonArray ?? [])
            .OfType<JsonNode>()
            .Where(c => (string?)c["action"] != "no-op")
            .Select(c => $"{c["address"]} {c["action"]} {c["api_calls"]?.ToJsonString()} {c["keys"]?.ToJsonString()}"));

    private static Dictionary<string, (string? Live, string Secrets)> Index(JsonObject document) =>
        document["changes"]!.AsArray().OfType<JsonNode>().ToDictionary(
            c => (string)c["address"]!,
            c => ((string?)c["live_digest"], c["fingerprints"]?.ToJsonString() ?? ""));

    private static JsonObject Outcomes(IEnumerable<ChangeOutcome> outcomes) => new()
    {
        ["outcomes"] = new JsonArray(outcomes.Select(o => (JsonNode?)new JsonObject
        {
            ["address"] = o.Address,
            ["status"] = o.Status.ToString().ToLowerInvariant(),
            ["message"] = o.Message,
            ["calls"] = new JsonArray(o.Calls.Select(c => (JsonNode?)new JsonObject
            {
                ["call"] = c.Call,
                ["succeeded"] = c.Succeeded,
                ["status"] = c.Status,
                ["error"] = c.Error,
            }).ToArray()),
        }).ToArray()),
    };
}
