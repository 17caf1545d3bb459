using System.Diagnostics;

namespace ActorIpc.Remote.Transport;

/// <summary>
/// Watches the read threads that run actor turns (<see cref="ReadThreads"/>): a turn that has
/// lasted longer than its patience gets its connection's other thread to read in its place, so an
/// actor that blocks holds up the connection's other messages for about a millisecond, not for as
/// long as it blocks. One thread per process checks once a tick while turns run, and sleeps
/// after a while without any, until the next turn starts. Passing the lead only when a turn is
/// slow keeps the usual short turn free of any thread wake-up.
/// </summary>
internal sealed class TurnWatchdog
{
    // Ticks without a turn in progress before the thread sleeps until the next turn starts.
    private const int IdleTicks = 100;

    private static readonly Lazy<TurnWatchdog> LazyShared = new(() => new TurnWatchdog(TimeSpan.FromMilliseconds(1), startThread: true));

    private readonly List<ReadThreads> _watched = [];
    private readonly long _patience;
    private readonly TimeSpan _tick;
    private readonly ManualResetEventSlim _wakeUp = new(false, 0);
    private ReadThreads[] _snapshot = [];
    private int _sleeping;

    /// <param name="tick">How often the thread checks, and how long a turn may last before its connection reads on another thread.</param>
    /// <param name="startThread">False for a watchdog that checks only when <see cref="Check"/> is called (tests).</param>
    internal TurnWatchdog(TimeSpan tick, bool startThread)
    {
        _tick = tick;
        _patience = (long)(tick.TotalSeconds * Stopwatch.Frequency);
        if (startThread)
        {
            new Thread(Run) { IsBackground = true, Name = "actoripc-turns" }.Start();
        }
    }

    /// <summary>The process's watchdog, with a 1 ms tick; its thread starts when first used.</summary>
    public static TurnWatchdog Shared => LazyShared.Value;

    /// <summary>Starts watching <paramref name="threads"/>.</summary>
    public void Add(ReadThreads threads)
    {
        lock (_watched)
        {
            _watched.Add(threads);
            _snapshot = [.. _watched];
        }
    }

    /// <summary>Stops watching <paramref name="threads"/>.</summary>
    public void Remove(ReadThreads threads)
    {
        lock (_watched)
        {
            _watched.Remove(threads);
            _snapshot = [.. _watched];
        }
    }

    /// <summary>
    /// A turn has just started (its start time published with a full fence): wakes the thread if
    /// it sleeps. Cheap when it does not.
    /// </summary>
    public void TurnStarted()
    {
        if (Volatile.Read(ref _sleeping) == 1 && Interlocked.Exchange(ref _sleeping, 0) == 1)
        {
            _wakeUp.Set();
        }
    }

    /// <summary>
    /// One check at <paramref name="now"/> (a <see cref="Stopwatch"/> timestamp): each turn that
    /// started more than the patience before it gets its connection read on another thread.
    /// Returns whether any turn is still in progress.
    /// </summary>
    internal bool Check(long now)
    {
        var inTurn = false;
        foreach (var threads in Volatile.Read(ref _snapshot))
        {
            inTurn |= threads.PassLeadIfTurnStartedBefore(now - _patience);
        }

        return inTurn;
    }

    private void Run()
    {
        var idle = 0;
        while (true)
        {
            Thread.Sleep(_tick);
            if (Check(Stopwatch.GetTimestamp()))
            {
                idle = 0;
                continue;
            }

            if (++idle < IdleTicks)
            {
                continue;
            }

            // Published with a full fence before the turns are looked at again: a turn that
            // started before it is seen here, one after it sees the flag and wakes this thread.
            _wakeUp.Reset();
            Interlocked.Exchange(ref _sleeping, 1);
            if (!AnyInTurn())
            {
                _wakeUp.Wait();
            }

            Interlocked.Exchange(ref _sleeping, 0);
            idle = 0;
        }
    }

    private bool AnyInTurn()
    {
        foreach (var threads in Volatile.Read(ref _snapshot))
        {
            if (threads.InTurn)
            {
                return true;
            }
        }

        return false;
    }
}
