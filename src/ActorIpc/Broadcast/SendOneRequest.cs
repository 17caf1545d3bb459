using Akka.Actor;

namespace ActorIpc;

/// <summary>Asks this node's messenger to deliver <paramref name="Message"/> to one subscriber of a topic in the cluster.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Role">Only subscribers on nodes with this role; <see langword="null"/>: on every node.</param>
/// <param name="Message">The message.</param>
/// <param name="Sender">The sender the subscriber sees; <see langword="null"/>: none.</param>
internal sealed record SendOneRequest(string Topic, string? Role, object Message, IActorRef? Sender);
