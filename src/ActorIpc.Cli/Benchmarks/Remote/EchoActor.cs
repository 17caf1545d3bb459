using Akka.Actor;

namespace ActorIpc.Cli.Benchmarks.Remote;

/// <summary>The node's echo: every message goes back to its sender unchanged.</summary>
internal sealed class EchoActor : UntypedActor
{
    /// <inheritdoc />
    protected override void OnReceive(object message) => Sender.Tell(message, Self);
}
