using Akka.Actor;

namespace ActorIpc.TestNode.Messages;

/// <summary>The answer to a <see cref="Ping"/>, from the actor that answered.</summary>
public sealed record Pong(string Text, IActorRef From);
