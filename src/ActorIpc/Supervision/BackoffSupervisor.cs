namespace ActorIpc;

/// <summary>
/// A parent that keeps one child alive, restarting it after a growing delay (exponential backoff
/// with jitter) instead of at once: for children that fail because something outside is down
/// (a database, a process being restarted). Messages sent to the supervisor are forwarded to the
/// child; while the child is down they go to dead letters. Ask it <see cref="GetCurrentChild"/>
/// for the child's reference.
/// </summary>
public static class BackoffSupervisor
{
    /// <summary>The props of a backoff supervisor with <paramref name="options"/>.</summary>
    public static Props Props(BackoffOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return ActorIpc.Props.Create(() => new BackoffSupervisorActor(options));
    }

    /// <summary>Ask a backoff supervisor for its child: it answers with a <see cref="CurrentChild"/>.</summary>
    public sealed class GetCurrentChild
    {
        private GetCurrentChild()
        {
        }

        /// <summary>The one instance.</summary>
        public static GetCurrentChild Instance { get; } = new();
    }

    /// <summary>The answer to <see cref="GetCurrentChild"/>.</summary>
    /// <param name="Ref">The running child, or null while it is down.</param>
    public sealed record CurrentChild(IActorRef? Ref);
}
