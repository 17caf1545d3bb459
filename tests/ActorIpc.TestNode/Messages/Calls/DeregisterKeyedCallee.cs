namespace ActorIpc.TestNode.Messages.Calls;

/// <summary>Asks a node's callee control to deregister the callee named <paramref name="Name"/> from the key named <paramref name="Key"/>; answered with <see cref="CalleeDone"/>.</summary>
public sealed record DeregisterKeyedCallee(string Name, string Key);
