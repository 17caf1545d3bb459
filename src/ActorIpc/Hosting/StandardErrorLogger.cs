using Akka.Event;

namespace ActorIpc.Hosting;

/// <summary>
/// Akka's log, written to standard error: a node's standard output belongs to the application
/// (a READY line its parent reads, a stdio protocol, a command's output). The reference
/// configuration names this class as Akka's logger and as its start-up and shut-down logger
/// (<c>akka.stdout-logger-class</c>), which a <see cref="MinimalLogger"/> can be both: Akka keeps
/// it subscribed instead of starting a logger actor, so nothing reaches standard output even
/// while the system starts or stops.
/// </summary>
internal sealed class StandardErrorLogger : MinimalLogger
{
    /// <summary>Akka's name for this logger in <c>akka.loggers</c> and <c>akka.stdout-logger-class</c>.</summary>
    public static string TypeName { get; } = $"{typeof(StandardErrorLogger).FullName}, {typeof(StandardErrorLogger).Assembly.GetName().Name}";

    /// <inheritdoc />
    protected override void Log(object message) => Console.Error.WriteLine(message);
}
