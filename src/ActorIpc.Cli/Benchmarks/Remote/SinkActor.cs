using Akka.Actor;

namespace ActorIpc.Cli.Benchmarks.Remote;

/// <summary>
/// The node's sink for one-way messages: it counts byte buffers, answers <see cref="Sync"/> with
/// the count so far (the sender's flow control) and <see cref="Done"/> with the count, which it
/// then resets. Delivery is in order per sender, so the answer to <see cref="Done"/> counts every
/// message sent before it that arrived.
/// </summary>
internal sealed class SinkActor : UntypedActor
{
    public const string Sync = "sync";

    public const string Done = "done";

    private long _count;

    /// <inheritdoc />
    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case byte[]:
                _count++;
                break;
            case Sync:
                Sender.Tell(_count, Self);
                break;
            case Done:
                Sender.Tell(_count, Self);
                _count = 0;
                break;
            default:
                Unhandled(message);
                break;
        }
    }
}
