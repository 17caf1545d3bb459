namespace ActorIpc;

/// <summary>
/// Applies a restart or stop to every child when one fails (for children that only make sense
/// together); a resume applies to the failed child only.
/// </summary>
public sealed class AllForOneStrategy : SupervisorStrategy
{
    /// <summary>A strategy with no restart limit.</summary>
    public AllForOneStrategy(Func<Exception, Directive> decider)
        : this(-1, null, decider)
    {
    }

    /// <summary>A strategy allowing <paramref name="maxNrOfRetries"/> restarts within <paramref name="withinTimeRange"/>.</summary>
    public AllForOneStrategy(int maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider, bool loggingEnabled = true)
        : base(maxNrOfRetries, withinTimeRange, decider, loggingEnabled)
    {
    }

    internal override void Apply(ActorCell parent, LocalActorRef child, Exception cause, Directive directive)
    {
        if (directive == Directive.Resume)
        {
            child.SendSystemMessage(new Dispatch.Resume(cause));
            return;
        }

        var siblings = parent.LiveChildren();
        if (directive == Directive.Restart && RequestRestartPermission(child))
        {
            foreach (var sibling in siblings)
            {
                sibling.SendSystemMessage(new Dispatch.Recreate(cause));
            }

            return;
        }

        foreach (var sibling in siblings)
        {
            parent.Stop(sibling);
        }
    }
}
