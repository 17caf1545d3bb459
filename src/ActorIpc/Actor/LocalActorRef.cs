using System.Runtime.CompilerServices;
using ActorIpc.Dispatch;
using ActorIpc.Spi;

namespace ActorIpc;

/// <summary>
/// A reference to an actor in this process: a send is an enqueue on its mailbox. The reference
/// and the actor's cell are one object (the cell derives from this class), so an actor costs one
/// object less; code that holds a reference sees only this surface.
/// </summary>
internal abstract class LocalActorRef : InternalActorRef
{
    private protected LocalActorRef(ActorPath path, Mailbox mailbox)
    {
        Path = path;
        Mailbox = mailbox;
    }

    public override ActorPath Path { get; }

    /// <summary>The actor's mailbox.</summary>
    public Mailbox Mailbox { get; }

    /// <summary>The actor's cell (this very object).</summary>
    public ActorCell Cell => Unsafe.As<ActorCell>(this);

    /// <summary>Starts the actor: its first system message creates the instance.</summary>
    public void Start() => Mailbox.PostSystem(new Create());

    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Mailbox.Cell.System.LocalMessageTransform is { } transform && !TryTransform(transform, ref message, sender))
        {
            return;
        }

        Mailbox.Post(new Envelope(message, sender));
    }

    /// <summary>Like <see cref="Tell"/>, but the actor is scheduled when <paramref name="batch"/> is flushed.</summary>
    public void TellDeferred(object message, IActorRef? sender, DeliveryBatch batch)
    {
        if (Mailbox.Cell.System.LocalMessageTransform is { } transform && !TryTransform(transform, ref message, sender))
        {
            return;
        }

        Mailbox.PostDeferred(new Envelope(message, sender), batch);
    }

    // Only with serialize-messages on: a message that could not cross to another process is
    // reported here, where the test that sent it can see it, instead of in production.
    private bool TryTransform(Func<object, object> transform, ref object message, IActorRef? sender)
    {
        try
        {
            message = transform(message);
            return true;
        }
        catch (Exception e)
        {
            Mailbox.Cell.System.DeadLetters.Deliver(new Envelope(message, sender), this, $"not serializable (actoripc.actor.serialize-messages is on): {e.Message}");
            return false;
        }
    }

    public override void SendSystemMessage(SystemMessage message) => Mailbox.PostSystem(message);
}
