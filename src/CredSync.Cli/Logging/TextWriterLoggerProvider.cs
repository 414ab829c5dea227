using Microsoft.Extensions.Logging;

namespace CredSync.Cli.Logging;

/// <summary>
/// Writes log lines to the CLI's error stream (never stdout, which carries only results).
/// The console provider of Microsoft.Extensions.Logging writes to the process console only;
/// this one writes to whatever stream the run was given, which is what in-process tests capture.
/// </summary>
public sealed class TextWriterLoggerProvider(TextWriter writer, LogLevel level) : ILoggerProvider
{
    private readonly Lock _gate = new();
    private readonly LogLevel _minimum = level;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Write(LogLevel level, string category, string message, Exception? exception)
    {
        var tag = level switch
        {
            LogLevel.Trace => "trce",
            LogLevel.Debug => "dbug",
            LogLevel.Information => "info",
            LogLevel.Warning => "warn",
            LogLevel.Error => "fail",
            _ => "crit",
        };
        var shortCategory = category[(category.LastIndexOf('.') + 1)..];

        lock (_gate)
        {
            writer.WriteLine($"{tag}: {shortCategory}: {message}");

            if (exception is not null && _minimum <= LogLevel.Debug)
            {
                writer.WriteLine($"      {exception.GetType().Name}: {exception.Message}");
            }
        }
    }

    private sealed class Logger(TextWriterLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= provider._minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                provider.Write(logLevel, category, formatter(state, exception), exception);
            }
        }
    }
}
