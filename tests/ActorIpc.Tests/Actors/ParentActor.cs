namespace ActorIpc.Tests.Actors;

/// <summary>Creates a child from props on <see cref="CreateChild"/> (answering with its reference), with a given strategy.</summary>
public sealed class ParentActor(SupervisorStrategy strategy) : ActorBase
{
    protected override SupervisorStrategy SupervisorStrategy() => strategy;

    protected override void OnReceive(object message)
    {
        if (message is CreateChild create)
        {
            Sender.Tell(Context.ActorOf(create.Props, create.Name), Self);
        }
        else
        {
            Unhandled(message);
        }
    }
}
