using Akka.Actor;

namespace ActorIpc;

/// <summary>One node's part of a census.</summary>
/// <param name="Node">The node's address.</param>
/// <param name="Messenger">The node's messenger actor, which delivers to its subscribers.</param>
/// <param name="Count">How many subscribers of the topic it has.</param>
internal sealed record CensusAnswer(Address Node, IActorRef Messenger, int Count);
