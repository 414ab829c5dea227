using Microsoft.Extensions.Logging;

namespace CredSync.LocalOrg.Tests;

/// <summary>Collects every formatted log line, with its exception, into a list.</summary>
internal sealed class ListLoggerProvider(List<string> lines) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName)
    {
        return new ListLogger(lines, categoryName);
    }

    public void Dispose()
    {
    }

    private sealed class ListLogger(List<string> lines, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            return null;
        }

        public bool IsEnabled(LogLevel logLevel)
        {
            return true;
        }

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            lock (lines)
            {
                lines.Add($"{category} {logLevel} {formatter(state, exception)} {exception}");
            }
        }
    }
}
