using System.CommandLine;
using System.Text.Json.Nodes;
using CredSync.Cli.Views;
using CredSync.Core.Diagnostics;
using CredSync.Core.Loading;

namespace CredSync.Cli.Commands;

/// <summary><c>credsync validate</c>: parse and check the file and its references; no secret is fetched, no org reached.</summary>
public sealed class ValidateCommand(CommonOptions common, CliEnvironment env) : CommandBase(env)
{
    public override Command Build()
    {
        var command = new Command("validate", "Check credsync.yaml: syntax, schema and references. Reads no secret and reaches no org.");
        common.AddTo(command, target: false);
        command.SetAction(Run);

        return command;
    }

    private int Run(ParseResult parse)
    {
        var config = parse.GetValue(common.Config)!;
        var format = parse.GetValue(common.Format);

        var state = DesiredStateLoader.Load(Env.Resolve(config), config);
        CliApp.WriteDiagnostics(Env.Error, state.Warnings);

        var references = state.SecretUses().Select(u => u.Reference).Distinct().Count();
        var message = $"{config} is valid: {state.ExternalCredentials.Count} external credential(s), {state.NamedCredentials.Count} named credential(s), {references} secret reference(s).";

        Env.Out.WriteLine(format == "json"
            ? new JsonObject
            {
                ["format_version"] = PlanDocument.FormatVersion,
                ["valid"] = true,
                ["message"] = message,
                ["diagnostics"] = PlanDocument.Diagnostics(state.Warnings),
            }.ToJsonString(PlanDocument.Indented)
            : message);

        return ExitCodes.Success;
    }
}
