using Microsoft.Extensions.Logging;

namespace ActorIpc.Cli.Fleets;

/// <summary>
/// The node's log while the live table is shown: its warnings and errors join the recent lines under
/// the table, instead of standard error, which would scroll the table away.
/// </summary>
internal sealed class RecentLinesLoggerFactory(RecentLines lines) : ILoggerFactory, ILogger
{
    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (IsEnabled(logLevel))
        {
            var text = formatter(state, exception);
            lines.Add(exception is null ? text : $"{text}: {exception.GetType().Name}: {exception.Message}");
        }
    }

    public void Dispose()
    {
    }
}
