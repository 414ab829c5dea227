using System.CommandLine;
using CredSync.Cli.Targets;
using Microsoft.Extensions.Logging;

namespace CredSync.Cli;

/// <summary>The flags most commands share (SPEC section 6).</summary>
public sealed class CommonOptions
{
    public Option<string> Config { get; } = new("--config", "-c")
    {
        Description = "The desired-state file.",
        DefaultValueFactory = _ => "credsync.yaml",
    };

    public Option<string?> TargetOrg { get; } = new("--target-org", "-o")
    {
        Description = "The org: 'local' (the built-in local org; the default unless SF_INSTANCE_URL and SF_ACCESS_TOKEN are set), or an alias or username the Salesforce CLI (sf) knows.",
    };

    public Option<string?> Data { get; } = new("--data")
    {
        Description = "Folder of the local org's files (default: .credsync/local-org beside the config file).",
    };

    public Option<string> Format { get; } = new("--format")
    {
        Description = "Output format: text, markdown or json.",
        DefaultValueFactory = _ => "text",
    };

    public Option<bool> NoColor { get; } = new("--no-color")
    {
        Description = "Do not colour the output (NO_COLOR does the same).",
    };

    public Option<string> Verbosity { get; } = new("--verbosity", "-v")
    {
        Description = "Log level on stderr: error, warning, info, debug or trace.",
        DefaultValueFactory = _ => "warning",
    };

    public CommonOptions()
    {
        Format.AcceptOnlyFromAmong("text", "markdown", "json");
        Verbosity.AcceptOnlyFromAmong("error", "warning", "info", "debug", "trace");
    }

    public void AddTo(Command command, bool target = true)
    {
        command.Add(Config);

        if (target)
        {
            command.Add(TargetOrg);
            command.Add(Data);
        }

        command.Add(Format);
        command.Add(NoColor);
        command.Add(Verbosity);
    }

    public TargetOptions Target(ParseResult parse) => new(parse.GetValue(TargetOrg), parse.GetValue(Data));

    public LogLevel Level(ParseResult parse) => parse.GetValue(Verbosity) switch
    {
        "error" => LogLevel.Error,
        "info" => LogLevel.Information,
        "debug" => LogLevel.Debug,
        "trace" => LogLevel.Trace,
        _ => LogLevel.Warning,
    };

    public Views.Style Style(ParseResult parse, CliEnvironment env) =>
        new(env.OutputIsTerminal && !parse.GetValue(NoColor) && string.IsNullOrEmpty(env.GetVariable("NO_COLOR")));
}
