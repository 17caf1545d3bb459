using System.Threading.Channels;

namespace ActorIpc.TestKit;

/// <summary>
/// The actor behind a <see cref="TestProbe"/>: it puts every message it receives, with its
/// sender, into the probe's queue, and watches or unwatches actors when the probe asks.
/// </summary>
internal sealed class ProbeActor(ChannelWriter<(object Message, IActorRef Sender)> queue) : ActorBase
{
    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case WatchRequest watch:
                Context.Watch(watch.Subject);
                break;

            case UnwatchRequest unwatch:
                Context.Unwatch(unwatch.Subject);
                queue.TryWrite((new UnwatchedMarker(unwatch.Subject), Self));
                break;

            default:
                // Terminated lands here too, so a watched actor's death is a message for the test
                // rather than a death pact for the probe.
                queue.TryWrite((message, Sender));
                break;
        }
    }

    protected override void PostStop() =>
        // Expectations still waiting fail at once instead of at their timeout.
        queue.TryComplete();
}
