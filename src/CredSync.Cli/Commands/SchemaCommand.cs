using System.CommandLine;
using CredSync.Core.Loading;

namespace CredSync.Cli.Commands;

/// <summary><c>credsync schema</c>: print the JSON Schema of credsync.yaml.</summary>
public sealed class SchemaCommand(CliEnvironment env) : CommandBase(env)
{
    public override Command Build()
    {
        var command = new Command("schema", "Print the JSON Schema (2020-12) of credsync.yaml.");
        command.SetAction(_ =>
        {
            Env.Out.Write(SchemaValidator.Text);
            return ExitCodes.Success;
        });

        return command;
    }
}
