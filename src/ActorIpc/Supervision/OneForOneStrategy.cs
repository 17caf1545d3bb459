namespace ActorIpc;

/// <summary>Applies the directive to the failed child only.</summary>
public sealed class OneForOneStrategy : SupervisorStrategy
{
    /// <summary>A strategy with no restart limit.</summary>
    public OneForOneStrategy(Func<Exception, Directive> decider)
        : this(-1, null, decider)
    {
    }

    /// <summary>A strategy allowing <paramref name="maxNrOfRetries"/> restarts within <paramref name="withinTimeRange"/>.</summary>
    public OneForOneStrategy(int maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider, bool loggingEnabled = true)
        : base(maxNrOfRetries, withinTimeRange, decider, loggingEnabled)
    {
    }

    internal override void Apply(ActorCell parent, LocalActorRef child, Exception cause, Directive directive)
    {
        switch (directive)
        {
            case Directive.Resume:
                child.SendSystemMessage(new Dispatch.Resume(cause));
                break;
            case Directive.Restart when RequestRestartPermission(child):
                child.SendSystemMessage(new Dispatch.Recreate(cause));
                break;
            default:
                parent.Stop(child);
                break;
        }
    }
}
