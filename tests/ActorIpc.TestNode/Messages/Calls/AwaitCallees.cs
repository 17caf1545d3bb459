namespace ActorIpc.TestNode.Messages.Calls;

/// <summary>
/// Asks a node's callee control to answer, with <see cref="CalleesListed"/>, once that node's
/// receptionist lists <paramref name="Count"/> callees under the key named <paramref name="Key"/>.
/// </summary>
public sealed record AwaitCallees(string Key, int Count);
