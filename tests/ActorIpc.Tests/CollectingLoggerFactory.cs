using Microsoft.Extensions.Logging;

namespace ActorIpc.Tests;

/// <summary>
/// A logger factory that keeps every entry (category, level, message, exception) and lets a test
/// await the first entry that matches, instead of polling or sleeping.
/// </summary>
public sealed class CollectingLoggerFactory : ILoggerFactory
{
    private readonly Lock _gate = new();
    private readonly List<Entry> _entries = [];
    private readonly List<(Func<Entry, bool> Match, TaskCompletionSource<Entry> Done)> _waiters = [];

    public IReadOnlyList<Entry> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    /// <summary>The first entry, logged before or after the call, that <paramref name="match"/> accepts.</summary>
    public Task<Entry> WaitForAsync(Func<Entry, bool> match, TimeSpan timeout)
    {
        lock (_gate)
        {
            var found = _entries.FirstOrDefault(match);
            if (found is not null)
            {
                return Task.FromResult(found);
            }

            var done = new TaskCompletionSource<Entry>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, done));
            return done.Task.WaitAsync(timeout);
        }
    }

    private void Add(Entry entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
            _waiters.RemoveAll(w => w.Match(entry) && w.Done.TrySetResult(entry));
        }
    }

    public sealed record Entry(string Category, LogLevel Level, string Message, Exception? Exception);

    private sealed class Logger(CollectingLoggerFactory owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Add(new Entry(category, logLevel, formatter(state, exception), exception));
    }
}
