using Akka.Actor;

namespace ActorIpc.TestNode.Messages;

/// <summary>Asks the relay to make a message of a kind (<c>order</c> or <c>secret</c>) and send it to <paramref name="Target"/>.</summary>
public sealed record SendTo(IActorRef Target, string Kind);
