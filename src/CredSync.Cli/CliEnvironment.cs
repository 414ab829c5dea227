namespace CredSync.Cli;

/// <summary>
/// What a run of the CLI sees of the outside world: its output streams, environment variables,
/// working directory and terminal. Tests run the CLI in process with their own.
/// </summary>
public sealed class CliEnvironment
{
    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    /// <summary>
    /// Opens standard input; called only when apply asks for confirmation, because touching
    /// Console.In makes .NET write terminal set-up sequences to the screen.
    /// </summary>
    public Func<TextReader> OpenInput { get; init; } = () => TextReader.Null;

    public Func<string, string?> GetVariable { get; init; } = Environment.GetEnvironmentVariable;

    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>True when a person is at a terminal that can answer a confirmation.</summary>
    public bool Interactive { get; init; }

    /// <summary>True when stdout is a terminal (colour is used only then).</summary>
    public bool OutputIsTerminal { get; init; }

    /// <summary>Called with each local org server the run starts, so tests can inspect its traffic.</summary>
    public Action<LocalOrg.LocalOrgServer>? OnLocalOrgStarted { get; init; }

    // The raw streams, not Console.Out: on a terminal, the Console class writes set-up sequences
    // (keypad mode) before the first output, which land in logs and captured output.
    public static CliEnvironment FromConsole() => new()
    {
        Out = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true },
        Error = new StreamWriter(Console.OpenStandardError()) { AutoFlush = true },
        OpenInput = () => Console.In,
        Interactive = !Console.IsInputRedirected && !Console.IsOutputRedirected,
        OutputIsTerminal = !Console.IsOutputRedirected,
    };

    public string Resolve(string path) => Path.GetFullPath(Path.Combine(WorkingDirectory, path));
}
