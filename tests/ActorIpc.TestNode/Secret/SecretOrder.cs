namespace ActorIpc.TestNode.Secret;

/// <summary>A message type the tests allow only in some processes.</summary>
public sealed record SecretOrder(string Text);
