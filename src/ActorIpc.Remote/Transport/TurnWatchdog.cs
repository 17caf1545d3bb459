using System.Diagnostics;

namespace ActorIpc.Remote.Transport;

/// <summary>
/// Watches work that waits for a turn to end, and acts when the turn lasts longer than its
/// patience, which means code that blocks:
/// <list type="bullet">
/// <item>the read threads that run actor turns (<see cref="ReadThreads"/>): a slow turn gets its
/// connection's other thread to read in its place, so an actor that blocks holds up the
/// connection's other messages for about a millisecond, not for as long as it blocks;</item>
/// <item>the sends that a turn (an actor's run, a read thread's turns) leaves for its end, when
/// the writer is woken once for all of them: a slow turn's sends go at once, so code that waits
/// for the answer to one gets it.</item>
/// </list>
/// One thread per process checks once a tick while anything is in progress, and sleeps after a
/// while without, until something starts again. Acting only when a turn is slow keeps the usual
/// short turn free of any thread wake-up.
/// </summary>
internal sealed class TurnWatchdog
{
    /// <summary>Something the watchdog checks once a tick.</summary>
    internal interface IWatched
    {
        /// <summary>Whether anything of it is in progress (the watchdog must not sleep).</summary>
        bool InProgress { get; }

        /// <summary>
        /// Acts on what has been in progress since before <paramref name="before"/> (a
        /// <see cref="Stopwatch"/> timestamp); returns whether anything is still in progress and watched.
        /// </summary>
        bool Check(long before);
    }

    // Ticks without a turn in progress before the thread sleeps until the next turn starts.
    private const int IdleTicks = 100;

    private static readonly Lazy<TurnWatchdog> LazyShared = new(() => new TurnWatchdog(TimeSpan.FromMilliseconds(1), startThread: true));

    private readonly List<IWatched> _watched = [];
    private readonly long _patience;
    private readonly TimeSpan _tick;
    private readonly ManualResetEventSlim _wakeUp = new(false, 0);
    private IWatched[] _snapshot = [];
    private int _sleeping;

    /// <param name="tick">How often the thread checks, and how long a turn may last before the watchdog acts.</param>
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

    /// <summary>Starts watching <paramref name="watched"/>.</summary>
    public void Add(IWatched watched)
    {
        lock (_watched)
        {
            _watched.Add(watched);
            _snapshot = [.. _watched];
        }
    }

    /// <summary>Stops watching <paramref name="watched"/>.</summary>
    public void Remove(IWatched watched)
    {
        lock (_watched)
        {
            _watched.Remove(watched);
            _snapshot = [.. _watched];
        }
    }

    /// <summary>
    /// Something watched has just started (its start time published with a full fence): wakes
    /// the thread if it sleeps. Cheap when it does not.
    /// </summary>
    public void TurnStarted()
    {
        if (Volatile.Read(ref _sleeping) == 1 && Interlocked.Exchange(ref _sleeping, 0) == 1)
        {
            _wakeUp.Set();
        }
    }

    /// <summary>
    /// One check at <paramref name="now"/> (a <see cref="Stopwatch"/> timestamp): what has been in
    /// progress for longer than the patience is acted on. Returns whether anything is still in progress.
    /// </summary>
    internal bool Check(long now)
    {
        var inProgress = false;
        foreach (var watched in Volatile.Read(ref _snapshot))
        {
            inProgress |= watched.Check(now - _patience);
        }

        return inProgress;
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

            // Published with a full fence before anything is looked at again: what started
            // before it is seen here, what starts after it sees the flag and wakes this thread.
            _wakeUp.Reset();
            Interlocked.Exchange(ref _sleeping, 1);
            if (!AnyInProgress())
            {
                _wakeUp.Wait();
            }

            Interlocked.Exchange(ref _sleeping, 0);
            idle = 0;
        }
    }

    private bool AnyInProgress()
    {
        foreach (var watched in Volatile.Read(ref _snapshot))
        {
            if (watched.InProgress)
            {
                return true;
            }
        }

        return false;
    }
}
