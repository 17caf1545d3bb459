using Akka.Actor;

namespace ActorIpc.TestNode.Messages.Calls;

/// <summary>
/// Asks a node's callee control to start a callee named <paramref name="Name"/> and register it
/// under the key named <paramref name="Key"/> (a <c>ServiceKey&lt;IKeyedCall&gt;</c>); answered
/// with <see cref="CalleeStarted"/>.
/// </summary>
public sealed record StartCallee(string Name, string Key, CalleeMode Mode, IActorRef Observer);
