namespace ActorIpc;

/// <summary>One typed handler of a <see cref="ReceiveActor"/>.</summary>
internal abstract class MessageHandler
{
    public abstract bool TryHandle(object message);
}
