using Microsoft.Extensions.Logging;

namespace ActorIpc;

/// <summary>
/// What an actor sees of itself and the runtime while it handles a message: its reference,
/// the sender, its family, and the means to create, stop and watch actors and to change
/// behavior. Use it only from the actor's own thread (inside a handler or lifecycle hook).
/// </summary>
public interface IActorContext
{
    /// <summary>The actor's own reference.</summary>
    IActorRef Self { get; }

    /// <summary>Who sent the current message; the system's dead letters when nobody did.</summary>
    IActorRef Sender { get; }

    /// <summary>The actor's supervisor.</summary>
    IActorRef Parent { get; }

    /// <summary>The actor's live children.</summary>
    IEnumerable<IActorRef> Children { get; }

    /// <summary>The actor system the actor belongs to.</summary>
    ActorSystem System { get; }

    /// <summary>The props the actor was created with.</summary>
    Props Props { get; }

    /// <summary>The logger of this actor; entries carry the actor's path in their scope.</summary>
    ILogger Log { get; }

    /// <summary>The current receive timeout, or null when none is set.</summary>
    TimeSpan? ReceiveTimeout { get; }

    /// <summary>The child named <paramref name="name"/>, or null.</summary>
    IActorRef? Child(string name);

    /// <summary>Creates a child actor; a null name gets a generated one.</summary>
    /// <exception cref="InvalidActorNameException">The name is invalid or already taken by a live child.</exception>
    IActorRef ActorOf(Props props, string? name = null);

    /// <summary>Stops <paramref name="actor"/> (a child, or this actor itself) after its current message.</summary>
    void Stop(IActorRef actor);

    /// <summary>Watches <paramref name="subject"/>: a <see cref="Terminated"/> arrives exactly once when it stops.</summary>
    IActorRef Watch(IActorRef subject);

    /// <summary>Watches <paramref name="subject"/>, receiving <paramref name="message"/> instead of <see cref="Terminated"/>.</summary>
    IActorRef WatchWith(IActorRef subject, object message);

    /// <summary>Stops watching; no <see cref="Terminated"/> for <paramref name="subject"/> arrives after this call.</summary>
    IActorRef Unwatch(IActorRef subject);

    /// <summary>Replaces the current behavior with <paramref name="receive"/>.</summary>
    void Become(Receive receive);

    /// <summary>Pushes <paramref name="receive"/> on top of the behavior stack; <see cref="Unbecome"/> pops it.</summary>
    void BecomeStacked(Receive receive);

    /// <summary>Returns to the behavior below the current one on the stack (the initial one stays).</summary>
    void Unbecome();

    /// <summary>
    /// Sends <see cref="ActorIpc.ReceiveTimeout"/> to the actor when it has received no message
    /// for <paramref name="timeout"/>; null turns it off.
    /// </summary>
    void SetReceiveTimeout(TimeSpan? timeout);

    /// <summary>Selects actors by path, relative to this actor (<c>../sibling</c>, <c>child/*</c>) or absolute.</summary>
    ActorSelection ActorSelection(string path);
}
