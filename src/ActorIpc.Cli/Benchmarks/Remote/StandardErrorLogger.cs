using Akka.Event;

namespace ActorIpc.Cli.Benchmarks.Remote;

/// <summary>
/// Akka's log in both processes of a remote benchmark, written to standard error. The figures
/// go to standard output, whose last line a script reads as the headline, and the node
/// process's standard output is dropped after its READY line; so Akka must print nothing there.
/// <see cref="RemoteBenchConfig"/> names this class as Akka's only logger and as its start-up
/// and shut-down logger (<c>akka.stdout-logger-class</c>), which a <see cref="MinimalLogger"/>
/// can be both: Akka keeps it subscribed instead of starting a logger actor.
/// </summary>
internal sealed class StandardErrorLogger : MinimalLogger
{
    /// <summary>Akka's name for this logger in <c>akka.loggers</c> and <c>akka.stdout-logger-class</c>.</summary>
    public static string TypeName { get; } = $"{typeof(StandardErrorLogger).FullName}, {typeof(StandardErrorLogger).Assembly.GetName().Name}";

    /// <inheritdoc />
    protected override void Log(object message) => Console.Error.WriteLine(message);
}
