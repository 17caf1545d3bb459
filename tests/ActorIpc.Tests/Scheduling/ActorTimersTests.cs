using ActorIpc.Scheduling;

namespace ActorIpc.Tests.Scheduling;

/// <summary>
/// Actor timers over a manual-clock wheel. The recording actor ref plays the mailbox; the
/// test plays the actor cell by passing what was told through <see cref="ActorTimers.TryUnwrap"/>.
/// </summary>
public sealed class ActorTimersTests : IDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);

    private readonly HashedWheelTimer _wheel;
    private readonly WheelScheduler _scheduler;
    private readonly RecordingActorRef _self = new("timed");
    private readonly ActorTimers _timers;

    public ActorTimersTests()
    {
        _wheel = new HashedWheelTimer(Tick, ticksPerWheel: 16, _ => { }, manualClock: true);
        _scheduler = new WheelScheduler(_wheel);
        _timers = new ActorTimers(_self, _scheduler);
    }

    public void Dispose() => _scheduler.Dispose();

    [Fact]
    public void StartSingleTimer_AfterTimeout_DeliversMessageOnce()
    {
        _timers.StartSingleTimer("key", "ping", Tick * 3);

        _wheel.AdvanceTicks(2);
        Assert.Empty(_self.Drain());

        _wheel.AdvanceTicks(10);
        var envelope = Assert.Single(_self.Drain());
        Assert.True(_timers.TryUnwrap(envelope, out var message));
        Assert.Equal("ping", message);
    }

    [Fact]
    public void StartSingleTimer_Delivered_TimerIsNoLongerActive()
    {
        _timers.StartSingleTimer("key", "ping", Tick);
        _wheel.AdvanceTicks(1);
        var envelope = Assert.Single(_self.Drain());

        // Sent but not yet processed: still active, as in Akka.
        Assert.True(_timers.IsTimerActive("key"));

        Assert.True(_timers.TryUnwrap(envelope, out _));
        Assert.False(_timers.IsTimerActive("key"));
        Assert.Empty(_timers.ActiveTimers);
    }

    [Fact]
    public void StartSingleTimer_SameKeyWhileOldMessageInMailbox_OldMessageIsStale()
    {
        _timers.StartSingleTimer("key", "old", Tick);
        _wheel.AdvanceTicks(1);
        var oldEnvelope = Assert.Single(_self.Drain());

        _timers.StartSingleTimer("key", "new", Tick);

        Assert.True(_timers.TryUnwrap(oldEnvelope, out var stale));
        Assert.Null(stale);
        Assert.True(_timers.IsTimerActive("key"));

        _wheel.AdvanceTicks(1);
        var newEnvelope = Assert.Single(_self.Drain());
        Assert.True(_timers.TryUnwrap(newEnvelope, out var current));
        Assert.Equal("new", current);
    }

    [Fact]
    public void StartSingleTimer_SameKeyBeforeOldFired_OldIsNeverSent()
    {
        _timers.StartSingleTimer("key", "old", Tick * 2);
        _timers.StartSingleTimer("key", "new", Tick * 4);

        _wheel.AdvanceTicks(5);

        var envelope = Assert.Single(_self.Drain());
        Assert.True(_timers.TryUnwrap(envelope, out var message));
        Assert.Equal("new", message);
    }

    [Fact]
    public void Cancel_MessageAlreadyInMailbox_IsStale()
    {
        _timers.StartSingleTimer("key", "ping", Tick);
        _wheel.AdvanceTicks(1);
        var envelope = Assert.Single(_self.Drain());

        _timers.Cancel("key");

        Assert.False(_timers.IsTimerActive("key"));
        Assert.True(_timers.TryUnwrap(envelope, out var message));
        Assert.Null(message);
    }

    [Fact]
    public void Cancel_BeforeTimeout_NothingIsSent()
    {
        _timers.StartSingleTimer("key", "ping", Tick * 2);

        _timers.Cancel("key");
        _wheel.AdvanceTicks(5);

        Assert.Empty(_self.Drain());
    }

    [Fact]
    public void Cancel_UnknownKey_DoesNothing()
    {
        _timers.StartSingleTimer("key", "ping", Tick);

        _timers.Cancel("other");

        Assert.True(_timers.IsTimerActive("key"));
    }

    [Fact]
    public void StartPeriodicTimer_UntilCancelled_KeepsDelivering()
    {
        _timers.StartPeriodicTimer("beat", "tick", Tick * 2);

        var delivered = 0;
        for (var i = 0; i < 10; i++)
        {
            _wheel.AdvanceTicks(1);
            foreach (var envelope in _self.Drain())
            {
                Assert.True(_timers.TryUnwrap(envelope, out var message));
                Assert.Equal("tick", message);
                delivered++;
            }
        }

        Assert.Equal(5, delivered);
        Assert.True(_timers.IsTimerActive("beat"));

        _wheel.AdvanceTicks(2);
        _timers.Cancel("beat");

        var inMailbox = Assert.Single(_self.Drain());
        Assert.True(_timers.TryUnwrap(inMailbox, out var afterCancel));
        Assert.Null(afterCancel);
        _wheel.AdvanceTicks(10);
        Assert.Empty(_self.Drain());
    }

    [Fact]
    public void StartPeriodicTimer_WithInitialDelay_FirstAfterDelayThenEveryInterval()
    {
        _timers.StartPeriodicTimer("beat", "tick", Tick * 5, Tick * 2);

        var firedAt = new List<int>();
        for (var tick = 1; tick <= 11; tick++)
        {
            _wheel.AdvanceTicks(1);
            if (_self.Drain().Count > 0)
            {
                firedAt.Add(tick);
            }
        }

        Assert.Equal([5, 7, 9, 11], firedAt);
    }

    [Fact]
    public void CancelAll_WithMessagesInMailbox_AllTimersInactiveAndMessagesStale()
    {
        _timers.StartSingleTimer("a", "a", Tick);
        _timers.StartPeriodicTimer("b", "b", Tick);
        _timers.StartSingleTimer("c", "c", Tick * 50);
        _wheel.AdvanceTicks(1);
        var envelopes = _self.Drain();
        Assert.Equal(2, envelopes.Count);

        _timers.CancelAll();

        Assert.Empty(_timers.ActiveTimers);
        foreach (var envelope in envelopes)
        {
            Assert.True(_timers.TryUnwrap(envelope, out var message));
            Assert.Null(message);
        }

        _wheel.AdvanceTicks(60);
        Assert.Empty(_self.Drain());
    }

    [Fact]
    public void IsTimerActive_AndActiveTimers_ReflectStartedTimers()
    {
        Assert.False(_timers.IsTimerActive("a"));
        Assert.Empty(_timers.ActiveTimers);

        _timers.StartSingleTimer("a", "a", Tick);
        _timers.StartPeriodicTimer("b", "b", Tick);
        _timers.StartSingleTimer("a", "a2", Tick);

        Assert.True(_timers.IsTimerActive("a"));
        Assert.True(_timers.IsTimerActive("b"));
        Assert.Equal(["a", "b"], _timers.ActiveTimers.Cast<string>().Order());
    }

    [Fact]
    public void TryUnwrap_OrdinaryMessage_ReturnsFalse()
    {
        Assert.False(_timers.TryUnwrap("hello", out var message));
        Assert.Null(message);
    }

    [Fact]
    public void TryUnwrap_EnvelopeOfAnotherActorsTimers_ReturnsFalse()
    {
        var other = new ActorTimers(new RecordingActorRef("other"), _scheduler);
        var foreign = new TimerMessage("key", 1, "ping", other);
        _timers.StartSingleTimer("key", "mine", Tick);

        Assert.False(_timers.TryUnwrap(foreign, out _));
        Assert.True(_timers.IsTimerActive("key"));
    }

    [Fact]
    public void StartSingleTimer_NegativeTimeout_ThrowsAndKeepsTheActiveTimer()
    {
        _timers.StartSingleTimer("key", "ping", Tick);

        Assert.Throws<ArgumentOutOfRangeException>(() => _timers.StartSingleTimer("key", "bad", TimeSpan.FromSeconds(-1)));

        Assert.True(_timers.IsTimerActive("key"));
        _wheel.AdvanceTicks(1);
        Assert.True(_timers.TryUnwrap(Assert.Single(_self.Drain()), out var message));
        Assert.Equal("ping", message);
    }

    [Fact]
    public void StartPeriodicTimer_ZeroInterval_ThrowsNamingInterval()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => _timers.StartPeriodicTimer("key", "m", TimeSpan.Zero));

        Assert.Equal("interval", exception.ParamName);
    }

    [Fact]
    public void StartSingleTimer_NullKey_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => _timers.StartSingleTimer(null!, "m", Tick));
    }

    [Fact]
    public void TimerMessages_AreSentWithoutSender()
    {
        _timers.StartSingleTimer("key", "ping", Tick);
        _wheel.AdvanceTicks(1);

        Assert.Null(Assert.Single(_self.Received).Sender);
    }
}
