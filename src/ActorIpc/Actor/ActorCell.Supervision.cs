namespace ActorIpc;

/// <summary>The supervisor side: deciding about a child's failure.</summary>
internal sealed partial class ActorCell
{
    private void HandleChildFailure(Dispatch.Failed failed)
    {
        var child = GetChild(failed.Child);

        // A failure of an earlier incarnation, or of a child already asked to stop, needs no decision.
        if (child is null || child.Cell.StoppingByParent || child.Path.Uid != failed.Uid)
        {
            return;
        }

        var strategy = Props.SupervisorStrategy ?? _actor?.InvokeSupervisorStrategy() ?? SupervisorStrategy.Default;
        Directive directive;
        try
        {
            directive = strategy.Decider(failed.Cause);
        }
        catch (Exception e)
        {
            // A throwing decider is the supervisor's own failure; the child's case escalates with it.
            HandleInvokeFailure(e, null);
            return;
        }

        if (directive == Directive.Escalate)
        {
            HandleInvokeFailure(failed.Cause, null);
            return;
        }

        strategy.LogFailure(this, failed.Child, failed.Cause, directive);
        strategy.Apply(this, child, failed.Cause, directive);
    }
}
