using Akka.Actor;

namespace ActorIpc.TestNode.Messages;

/// <summary>Answered with a <see cref="Pong"/> sent to <paramref name="ReplyTo"/>, a reference that crossed inside the message.</summary>
public sealed record Ping(IActorRef ReplyTo, string Text);
