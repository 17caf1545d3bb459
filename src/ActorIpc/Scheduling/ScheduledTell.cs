namespace ActorIpc.Scheduling;

/// <summary>A scheduled send: the timer entry and the handle returned to the caller are this one object.</summary>
internal sealed class ScheduledTell : RepeatableTimerEntry
{
    private readonly IActorRef _receiver;
    private readonly object _message;
    private readonly IActorRef? _sender;

    /// <summary>Creates a one-shot send.</summary>
    public ScheduledTell(IActorRef receiver, object message, IActorRef? sender)
    {
        _receiver = receiver;
        _message = message;
        _sender = sender;
    }

    /// <summary>Creates a send repeated every <paramref name="interval"/>.</summary>
    public ScheduledTell(IActorRef receiver, object message, IActorRef? sender, TimeSpan interval)
        : base(interval)
    {
        _receiver = receiver;
        _message = message;
        _sender = sender;
    }

    /// <inheritdoc />
    protected internal override void Expire() => _receiver.Tell(_message, _sender);
}
