using Akka.Actor;

namespace ActorIpc.Cli.Benchmarks.Remote;

/// <summary>
/// One of the node's reports on itself: answers any message with the current value of
/// <paramref name="read"/>, such as how many methods the node has compiled (the bench process
/// warms up until both processes stop compiling, see <see cref="WarmUp"/>) or how many bytes it
/// has allocated (the answering side's cost per message).
/// </summary>
/// <param name="read">Reads the value; called on the actor's turn.</param>
internal sealed class ProbeActor(Func<long> read) : UntypedActor
{
    /// <inheritdoc />
    protected override void OnReceive(object message) => Sender.Tell(read(), Self);
}
