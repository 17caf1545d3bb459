using Akka.Actor;

namespace ActorIpc.TestNode.Messages;

/// <summary>What the tests broadcast: every <see cref="Actors.SubscriberActor"/> that gets it answers <paramref name="ReplyTo"/> with a <see cref="Heard"/>.</summary>
public sealed record Shout(string Text, IActorRef ReplyTo);
