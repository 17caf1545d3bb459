using ActorIpc.Remote.References;

namespace ActorIpc.Remote.Endpoints;

/// <summary>One entry of an association's send queue.</summary>
internal readonly struct OutboundItem
{
    private OutboundItem(RemoteActorRef? recipient, object? message, IActorRef? sender, OutboundKind kind)
    {
        Recipient = recipient;
        Message = message;
        Sender = sender;
        Kind = kind;
    }

    public OutboundKind Kind { get; }

    /// <summary>The recipient of a user message.</summary>
    public RemoteActorRef? Recipient { get; }

    /// <summary>The user message, or the <see cref="RemoteSystemMessage"/>.</summary>
    public object? Message { get; }

    public IActorRef? Sender { get; }

    public static OutboundItem User(RemoteActorRef recipient, object message, IActorRef? sender) => new(recipient, message, sender, OutboundKind.User);

    /// <summary>"There are system messages to (re)send": the writer takes them from the association's list.</summary>
    public static OutboundItem SystemMessages() => new(null, null, null, OutboundKind.System);

    public static OutboundItem Heartbeat() => new(null, null, null, OutboundKind.Heartbeat);
}
