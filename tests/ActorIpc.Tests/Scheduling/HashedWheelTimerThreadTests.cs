using System.Diagnostics;
using ActorIpc.Scheduling;

namespace ActorIpc.Tests.Scheduling;

/// <summary>The wheel with its real thread and clock; every wait is on a completion source with a generous timeout.</summary>
public sealed class HashedWheelTimerThreadTests : IDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly List<Exception> _errors = [];
    private readonly HashedWheelTimer _wheel;

    public HashedWheelTimerThreadTests()
    {
        _wheel = new HashedWheelTimer(Tick, 64, error =>
        {
            lock (_errors)
            {
                _errors.Add(error);
            }
        });
    }

    public void Dispose() => _wheel.Dispose();

    [Fact]
    public async Task Schedule_OnRealClock_FiresOnNamedBackgroundThreadNotBeforeDeadline()
    {
        var fired = new TaskCompletionSource<(TimeSpan Elapsed, Thread Thread)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = Stopwatch.StartNew();
        var delay = TimeSpan.FromMilliseconds(55);
        _wheel.Schedule(new RecordingEntry(_ => fired.TrySetResult((clock.Elapsed, Thread.CurrentThread))), delay);

        var (elapsed, thread) = await fired.Task.WaitAsync(Patience);

        Assert.True(elapsed >= delay, $"fired after {elapsed}, before its {delay} delay");
        Assert.Equal(HashedWheelTimer.ThreadName, thread.Name);
        Assert.True(thread.IsBackground);
    }

    [Fact]
    public async Task Schedule_ShortAndLongDelays_FireInDeadlineOrder()
    {
        var order = new List<int>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        foreach (var ms in new[] { 90, 10, 50, 30, 70 })
        {
            _wheel.Schedule(
                new RecordingEntry(_ =>
                {
                    // Expiries run on the single wheel thread, one after the other.
                    order.Add(ms);
                    if (order.Count == 5)
                    {
                        done.TrySetResult();
                    }
                }),
                TimeSpan.FromMilliseconds(ms));
        }

        await done.Task.WaitAsync(Patience);

        Assert.Equal([10, 30, 50, 70, 90], order);
    }

    [Fact]
    public async Task PeriodicEntry_CancelledByItsFifthRun_NeverRunsAgain()
    {
        var marker = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = 0;
        var periodic = new RecordingEntry(Tick, self =>
        {
            if (++runs == 5)
            {
                Assert.True(self.Cancel());

                // Fires after the periodic entry's next three beats would have.
                _wheel.Schedule(new RecordingEntry(_ => marker.TrySetResult(runs)), Tick * 4);
            }
        });
        _wheel.Schedule(periodic, Tick);

        var runsWhenMarkerFired = await marker.Task.WaitAsync(Patience);

        Assert.Equal(5, runsWhenMarkerFired);
        Assert.Equal(5, periodic.FireCount);
    }

    [Fact]
    public async Task Expire_Throws_ReportedAndWheelKeepsTicking()
    {
        var after = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _wheel.Schedule(new RecordingEntry(_ => throw new InvalidOperationException("boom")), Tick);
        _wheel.Schedule(new RecordingEntry(_ => after.TrySetResult()), Tick * 3);

        await after.Task.WaitAsync(Patience);

        lock (_errors)
        {
            Assert.Equal("boom", Assert.Single(_errors).Message);
        }
    }

    [Fact]
    public async Task Stop_WithUnfiredEntries_JoinsThreadAndReturnsThem()
    {
        var started = new TaskCompletionSource<Thread>(TaskCreationOptions.RunContinuationsAsynchronously);
        _wheel.Schedule(new RecordingEntry(_ => started.TrySetResult(Thread.CurrentThread)), TimeSpan.Zero);
        var wheelThread = await started.Task.WaitAsync(Patience);
        var late = new RecordingEntry();
        _wheel.Schedule(late, TimeSpan.FromHours(1));

        var unfired = _wheel.Stop();

        Assert.False(wheelThread.IsAlive);
        Assert.Same(late, Assert.Single(unfired));
        Assert.False(late.Fired);
        Assert.True(late.Cancel());
    }

    [Fact]
    public async Task Dispose_FromAnExpiry_StopsWithoutDeadlock()
    {
        var disposed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _wheel.Schedule(
            new RecordingEntry(_ =>
            {
                _wheel.Dispose();
                disposed.TrySetResult();
            }),
            Tick);

        await disposed.Task.WaitAsync(Patience);

        Assert.Throws<ObjectDisposedException>(() => _wheel.Schedule(new RecordingEntry(), Tick));
    }

    [Fact]
    public async Task ScheduleTellOnce_OnRealWheel_TellsReceiver()
    {
        using var scheduler = new WheelScheduler(new HashedWheelTimer(Tick, 64, _ => { }));
        var receiver = new RecordingActorRef();

        scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(20), receiver, "hello", null);

        await receiver.Signalled.WaitAsync(Patience);
        Assert.Equal("hello", Assert.Single(receiver.Received).Message);
    }
}
