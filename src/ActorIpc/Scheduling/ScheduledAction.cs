namespace ActorIpc.Scheduling;

/// <summary>A scheduled action, run on the wheel thread: the timer entry and the handle returned to the caller are this one object.</summary>
internal sealed class ScheduledAction : RepeatableTimerEntry
{
    private readonly Action _action;

    /// <summary>Creates a one-shot action.</summary>
    public ScheduledAction(Action action)
    {
        _action = action;
    }

    /// <summary>Creates an action repeated every <paramref name="interval"/>.</summary>
    public ScheduledAction(Action action, TimeSpan interval)
        : base(interval)
    {
        _action = action;
    }

    /// <inheritdoc />
    protected internal override void Expire() => _action();
}
