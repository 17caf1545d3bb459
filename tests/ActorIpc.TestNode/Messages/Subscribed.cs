namespace ActorIpc.TestNode.Messages;

/// <summary>The answer to <see cref="SubscribeTo"/>: the node's messenger holds the subscription.</summary>
public sealed record Subscribed(string Topic, string Name);
