namespace ActorIpc;

/// <summary>
/// An actor did not handle the <see cref="Terminated"/> of an actor it watched; by default that
/// fails the watcher (a death pact), and the default strategy stops it.
/// </summary>
public sealed class DeathPactException : ActorIpcException
{
    /// <summary>Creates the exception for the unhandled termination of <paramref name="dead"/>.</summary>
    public DeathPactException(IActorRef dead)
        : base($"{dead.Path}, which this actor watched, terminated and its Terminated message was not handled")
    {
        DeadActor = dead;
    }

    /// <summary>The watched actor that terminated.</summary>
    public IActorRef DeadActor { get; }
}
