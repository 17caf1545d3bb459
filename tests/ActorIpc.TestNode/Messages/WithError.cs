namespace ActorIpc.TestNode.Messages;

/// <summary>A record that carries an exception.</summary>
public sealed record WithError(string Note, Exception Error);
