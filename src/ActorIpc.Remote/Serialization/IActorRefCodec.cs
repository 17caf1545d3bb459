namespace ActorIpc.Remote.Serialization;

/// <summary>
/// Turns actor references into text and back, so that references inside messages travel as
/// paths and arrive as working references. The remote layer implements it per connection.
/// </summary>
public interface IActorRefCodec
{
    /// <summary>Gives the path text that identifies <paramref name="actorRef"/> to the receiving process.</summary>
    /// <param name="actorRef">A reference found inside a message being serialized.</param>
    /// <returns>The path text, e.g. <c>actoripc.tcp://shop@host:4000/user/orders#42</c>.</returns>
    string ToPath(IActorRef actorRef);

    /// <summary>Gives a working reference for a path read from a message.</summary>
    /// <param name="path">The path text written by <see cref="ToPath"/> in the sending process.</param>
    /// <returns>A reference that delivers to the actor at <paramref name="path"/>.</returns>
    IActorRef FromPath(string path);
}
