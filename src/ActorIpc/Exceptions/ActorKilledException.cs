namespace ActorIpc;

/// <summary>Thrown inside an actor that received <see cref="Kill"/>; the default strategy stops it.</summary>
public sealed class ActorKilledException : ActorIpcException
{
    /// <summary>Creates the exception for the actor at <paramref name="path"/>.</summary>
    public ActorKilledException(ActorPath path)
        : base($"{path} was killed (received Kill)")
    {
        ActorPath = path;
    }

    /// <summary>The killed actor.</summary>
    public ActorPath ActorPath { get; }
}
