using System.CommandLine;
using CredSync.LocalOrg;

namespace CredSync.Cli.Commands;

/// <summary><c>credsync local-org serve</c>: serve the local org over HTTP on 127.0.0.1 for other clients.</summary>
public sealed class LocalOrgCommand(CliEnvironment env) : CommandBase(env)
{
    private readonly Option<int> _port = new("--port")
    {
        Description = "TCP port on 127.0.0.1 (0 picks a free one).",
        DefaultValueFactory = _ => 0,
    };

    private readonly Option<string> _data = new("--data")
    {
        Description = "Folder of the org's files.",
        DefaultValueFactory = _ => Path.Combine(".credsync", "local-org"),
    };

    public override Command Build()
    {
        var serve = new Command("serve", "Serve the local org on 127.0.0.1 until interrupted (Ctrl+C).");
        serve.Add(_port);
        serve.Add(_data);
        serve.SetAction(ServeAsync);

        var command = new Command("local-org", "The built-in local org: a stand-in for a Salesforce org over the same REST API.");
        command.Add(serve);

        return command;
    }

    private async Task<int> ServeAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var port = parse.GetValue(_port);

        if (port is < 0 or > 65535)
        {
            throw new Core.Diagnostics.InvalidInputException(Core.Diagnostics.Diagnostic.Error(
                $"--port {port} is not a TCP port.", "Give a number from 1 to 65535, or 0 for a free one."));
        }

        await using var server = await LocalOrgServer.StartAsync(
            new LocalOrgOptions { DataDirectory = Env.Resolve(parse.GetValue(_data)!), Port = port },
            cancellationToken);

        // stdout carries what a client needs; the token is the local org's own, not a user secret.
        await Env.Out.WriteLineAsync($"export SF_INSTANCE_URL={server.InstanceUrl.ToString().TrimEnd('/')}");
        await Env.Out.WriteLineAsync($"export SF_ACCESS_TOKEN={server.AccessToken}");
        await Env.Out.FlushAsync(cancellationToken);
        await Env.Error.WriteLineAsync($"Local org {server.OrganizationId} serving at {server.InstanceUrl} from {parse.GetValue(_data)}. Press Ctrl+C to stop.");

        try
        {
            await server.WaitForShutdownAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C is how this command is meant to end.
        }

        return ExitCodes.Success;
    }
}
