namespace ActorIpc.TestNode.Messages;

/// <summary>A subscriber's answer to a <see cref="Shout"/>: which subscriber, on which node, heard what.</summary>
public sealed record Heard(string Text, string Subscriber, string Node);
