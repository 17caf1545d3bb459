using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace ActorIpc.TestKit.Xunit2;

/// <summary>
/// Writes log entries to a test's output, one entry per line:
/// <c>[HH:mm:ss.fff LEVEL] category (actor path): message</c>, followed by the exception, if any.
/// The actor path comes from the <c>ActorPath</c> scope the runtime opens around actors' entries.
/// Entries written after the test has ended are dropped.
/// </summary>
public sealed class XunitLoggerProvider : ILoggerProvider
{
    private readonly ITestOutputHelper _output;
    private readonly TimeProvider _clock;
    private readonly AsyncLocal<LogScope?> _scopes = new();

    /// <summary>Creates a provider that writes entries of <paramref name="minimumLevel"/> and above to <paramref name="output"/>.</summary>
    /// <param name="output">The test's output.</param>
    /// <param name="minimumLevel">The least severe level written.</param>
    public XunitLoggerProvider(ITestOutputHelper output, LogLevel minimumLevel = LogLevel.Debug)
        : this(output, minimumLevel, TimeProvider.System)
    {
    }

    internal XunitLoggerProvider(ITestOutputHelper output, LogLevel minimumLevel, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(clock);
        _output = output;
        _clock = clock;
        MinimumLevel = minimumLevel;
    }

    /// <summary>The least severe level written.</summary>
    public LogLevel MinimumLevel { get; }

    /// <summary>Creates the logger of <paramref name="categoryName"/>.</summary>
    /// <param name="categoryName">The category, usually a type's full name.</param>
    /// <returns>A logger writing to the test's output.</returns>
    public ILogger CreateLogger(string categoryName)
    {
        ArgumentNullException.ThrowIfNull(categoryName);
        return new XunitLogger(this, categoryName);
    }

    /// <summary>Nothing to release: the output belongs to the test.</summary>
    public void Dispose()
    {
    }

    internal IDisposable PushScope(object state)
    {
        var scope = new LogScope(_scopes, _scopes.Value, state);
        _scopes.Value = scope;
        return scope;
    }

    internal void Write(LogLevel level, string category, string message, Exception? exception)
    {
        var path = LogScope.FindActorPath(_scopes.Value);
        var line = $"[{_clock.GetLocalNow():HH:mm:ss.fff} {Level(level)}] {category}{(path is null ? string.Empty : $" ({path})")}: {message}";
        if (exception is not null)
        {
            line += Environment.NewLine + exception;
        }

        try
        {
            _output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // xunit refuses output once its test has ended; actors stopping after that (during
            // shutdown) still log, and losing those lines must not fail anything.
        }
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "TRACE",
        LogLevel.Debug => "DEBUG",
        LogLevel.Information => "INFO",
        LogLevel.Warning => "WARN",
        LogLevel.Error => "ERROR",
        LogLevel.Critical => "CRIT",
        _ => level.ToString().ToUpperInvariant(),
    };
}
