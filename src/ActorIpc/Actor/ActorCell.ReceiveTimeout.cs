namespace ActorIpc;

/// <summary>
/// Receive timeout. A message only stamps the time of activity (no timer work per message);
/// one scheduled check per timeout period compares the stamp with the clock and either
/// delivers <see cref="ActorIpc.ReceiveTimeout"/> or sleeps for the remainder. The state lives
/// in its own object, made only for actors that set a timeout.
/// </summary>
internal sealed partial class ActorCell
{
    public TimeSpan? ReceiveTimeout => _extras?.ReceiveTimeout?.Timeout;

    public void SetReceiveTimeout(TimeSpan? timeout)
    {
        CancelReceiveTimeout();
        if (timeout is not { } value || value <= TimeSpan.Zero || value == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        var state = new ReceiveTimeoutState(value) { LastActivity = System.Wheel.Elapsed };
        Extras.ReceiveTimeout = state;
        ScheduleReceiveTimeoutCheck(state, value);
    }

    private void CancelReceiveTimeout()
    {
        if (_extras is { ReceiveTimeout: { } state } extras)
        {
            state.Check?.Cancel();
            extras.ReceiveTimeout = null;
        }
    }

    private void ScheduleReceiveTimeoutCheck(ReceiveTimeoutState state, TimeSpan delay) =>
        state.Check = System.Scheduler.ScheduleTellOnce(delay, Self, new ReceiveTimeoutCheck(state), null);

    private void CheckReceiveTimeout(ReceiveTimeoutCheck check)
    {
        // A check of a timeout that was changed or cleared since is stale.
        if (_extras?.ReceiveTimeout is not { } state || !ReferenceEquals(check.State, state))
        {
            return;
        }

        var idle = System.Wheel.Elapsed - state.LastActivity;
        if (idle < state.Timeout)
        {
            ScheduleReceiveTimeoutCheck(state, state.Timeout - idle);
            return;
        }

        // Re-arm first: the handler may change or clear the timeout, which replaces the state.
        state.LastActivity = System.Wheel.Elapsed;
        ScheduleReceiveTimeoutCheck(state, state.Timeout);
        Receive(ActorIpc.ReceiveTimeout.Instance);
    }
}
