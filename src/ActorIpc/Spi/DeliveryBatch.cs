using ActorIpc.Dispatch;

namespace ActorIpc.Spi;

/// <summary>
/// Delivers a burst of messages (a transport decoding one receive buffer) so that each local
/// actor that gets some is scheduled once, at <see cref="Flush"/>, rather than at its first
/// message while the rest are still being decoded: the actor then drains the burst in one run
/// instead of waking a thread-pool thread over and over. A thread collecting
/// <see cref="InlineTurns"/> keeps the actors it may run itself rather than scheduling them.
/// One per connection; not thread-safe.
/// </summary>
public sealed class DeliveryBatch
{
    private readonly List<Mailbox> _due = [];

    /// <summary>
    /// Sends <paramref name="message"/> to <paramref name="recipient"/> as <see cref="IActorRef.Tell"/>
    /// does; a local actor that becomes due to run is scheduled at the next <see cref="Flush"/>.
    /// </summary>
    public void Deliver(IActorRef recipient, object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(message);
        if (recipient is LocalActorRef local)
        {
            local.TellDeferred(message, sender, this);
        }
        else
        {
            recipient.Tell(message, sender);
        }
    }

    /// <summary>
    /// Schedules every actor that got messages since the last flush (or leaves it to this
    /// thread's <see cref="InlineTurns"/>). Call it when the burst ends, also after a failure.
    /// </summary>
    public void Flush()
    {
        foreach (var mailbox in _due)
        {
            if (!InlineTurns.TryTake(mailbox))
            {
                mailbox.Dispatcher.Schedule(mailbox);
            }
        }

        _due.Clear();
    }

    internal void Defer(Mailbox mailbox) => _due.Add(mailbox);
}
