namespace ActorIpc.TestNode.Messages.Calls;

/// <summary>The answer to <see cref="AwaitCallees"/>: the paths of the callees the node's receptionist lists.</summary>
public sealed record CalleesListed(string Key, string[] Paths);
