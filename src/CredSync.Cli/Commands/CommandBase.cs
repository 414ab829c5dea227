using System.CommandLine;

namespace CredSync.Cli.Commands;

/// <summary>One credsync command: how it is parsed, and what it does.</summary>
public abstract class CommandBase(CliEnvironment env)
{
    protected CliEnvironment Env => env;

    public abstract Command Build();
}
