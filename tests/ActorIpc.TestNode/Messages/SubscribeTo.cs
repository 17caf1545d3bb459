namespace ActorIpc.TestNode.Messages;

/// <summary>Asks the node's subscriptions actor for a new <see cref="Actors.SubscriberActor"/> named <paramref name="Name"/>, subscribed to <paramref name="Topic"/>; answered with <see cref="Subscribed"/>.</summary>
public sealed record SubscribeTo(string Topic, string Name);
