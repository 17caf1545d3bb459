using Akka.Actor;

namespace ActorIpc.Cli.Benchmarks.Remote;

/// <summary>
/// The client of the ping-pong benchmark: on <see cref="Run"/> it sends <paramref name="message"/>
/// to <paramref name="echo"/> up to <paramref name="window"/> times, sends one more for every
/// reply until it has sent <paramref name="repeat"/>, and completes <paramref name="done"/> at the
/// last reply.
/// </summary>
internal sealed class PingPongClient(IActorRef echo, int repeat, int window, object message, TaskCompletionSource done) : UntypedActor
{
    /// <summary>Starts the exchange; it never leaves this process.</summary>
    public static readonly object Run = new();

    private int _sent;
    private int _received;

    /// <inheritdoc />
    protected override void OnReceive(object received)
    {
        if (ReferenceEquals(received, Run))
        {
            var initial = Math.Min(window, repeat);
            for (var i = 0; i < initial; i++)
            {
                echo.Tell(message, Self);
            }

            _sent = initial;
            return;
        }

        _received++;
        if (_sent < repeat)
        {
            _sent++;
            echo.Tell(message, Self);
        }
        else if (_received == repeat)
        {
            done.TrySetResult();
        }
    }
}
