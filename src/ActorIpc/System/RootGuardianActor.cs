namespace ActorIpc;

/// <summary>
/// The root guardian <c>/</c>: when the user guardian has stopped it stops the system guardian
/// (so system actors outlive user actors), and when that has stopped, itself; its end is the
/// system's end. A guardian that fails is stopped, never restarted.
/// </summary>
internal sealed class RootGuardianActor(IActorRef user, IActorRef system) : ActorBase
{
    protected override void PreStart()
    {
        Context.Watch(user);
        Context.Watch(system);
    }

    protected override void OnReceive(object message)
    {
        if (message is Terminated terminated)
        {
            if (terminated.ActorRef.Equals(user))
            {
                Context.Stop(system);
            }
            else if (terminated.ActorRef.Equals(system))
            {
                Context.Stop(Self);
            }

            return;
        }

        Unhandled(message);
    }

    protected override SupervisorStrategy SupervisorStrategy() => ActorIpc.SupervisorStrategy.StoppingStrategy;
}
