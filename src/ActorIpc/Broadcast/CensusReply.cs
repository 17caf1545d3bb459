using Akka.Event;

namespace ActorIpc;

/// <summary>
/// A node's answer to a <see cref="Census"/>. A late answer, after the census ended, goes to dead
/// letters without being logged: the census has already accounted for the node.
/// </summary>
/// <param name="Count">How many subscribers of the topic the node has.</param>
internal sealed record CensusReply(int Count) : IDeadLetterSuppression;
