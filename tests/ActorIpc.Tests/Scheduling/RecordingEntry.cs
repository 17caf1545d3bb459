using ActorIpc.Scheduling;

namespace ActorIpc.Tests.Scheduling;

/// <summary>A wheel entry that counts its expiries and optionally runs a callback (which may throw).</summary>
internal sealed class RecordingEntry : RepeatableTimerEntry
{
    private readonly Action<RecordingEntry>? _onExpire;
    private int _fireCount;

    public RecordingEntry(Action<RecordingEntry>? onExpire = null)
    {
        _onExpire = onExpire;
    }

    public RecordingEntry(TimeSpan period, Action<RecordingEntry>? onExpire = null)
        : base(period)
    {
        _onExpire = onExpire;
    }

    public int FireCount => Volatile.Read(ref _fireCount);

    public bool Fired => FireCount > 0;

    protected internal override void Expire()
    {
        Interlocked.Increment(ref _fireCount);
        _onExpire?.Invoke(this);
    }
}
