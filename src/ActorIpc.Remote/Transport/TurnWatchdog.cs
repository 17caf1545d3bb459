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
/// One thread per process checks once a tick while a read thread's turn is in progress, once
/// every ten ticks while only held-back sends are (an actor that sends all the time would
/// otherwise keep the thread waking a thousand times a second), and sleeps after a while without
/// either, until something starts again. Acting only when a turn is slow keeps the usual short
/// turn free of any thread wake-up.
/// </summary>
internal sealed class TurnWatchdog
{
    /// <summary>Something the watchdog checks.</summary>
    internal interface IWatched
    {
        /// <summary>Whether it is checked every tick while in progress, rather than every <see cref="SlowTicks"/>.</summary>
        bool Urgent { get; }

        /// <summary>Whether anything of it is in progress (the watchdog must not sleep).</summary>
        bool InProgress { get; }

        /// <summary>
        /// Acts on what has been in progress since before <paramref name="before"/> (a
        /// <see cref="Stopwatch"/> timestamp); returns whether anything is still in progress and watched.
        /// </summary>
        bool Check(long before);
    }

    /// <summary>The ticks between checks while only what is not <see cref="IWatched.Urgent"/> is in progress.</summary>
    internal const int SlowTicks = 10;

    // Ticks without anything in progress before the thread sleeps until something starts.
    private const int IdleTicks = 100;

    // _sleeping: what wakes the thread. Anything that starts, when it sleeps for lack of work;
    // only an urgent start, between slow checks.
    private const int Awake = 0;
    private const int SleepingIdle = 1;
    private const int SleepingSlow = 2;

    // What Check found in progress.
    private const int NoneInProgress = 0;
    private const int SlowInProgress = 1;
    private const int UrgentInProgress = 2;

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
    /// Something urgent (a read thread's turn) has just started, its start time published with a
    /// full fence: wakes the thread if it sleeps. Cheap when it does not.
    /// </summary>
    public void TurnStarted()
    {
        if (Volatile.Read(ref _sleeping) != Awake && Interlocked.Exchange(ref _sleeping, Awake) != Awake)
        {
            _wakeUp.Set();
        }
    }

    /// <summary>
    /// Something not urgent (sends held back for a turn's end) has just started, its start time
    /// published with a full fence: wakes the thread if it sleeps for lack of work; between slow
    /// checks, the next one will see it.
    /// </summary>
    public void SendsHeldBack()
    {
        if (Volatile.Read(ref _sleeping) == SleepingIdle && Interlocked.CompareExchange(ref _sleeping, Awake, SleepingIdle) == SleepingIdle)
        {
            _wakeUp.Set();
        }
    }

    /// <summary>
    /// One check at <paramref name="now"/> (a <see cref="Stopwatch"/> timestamp): what has been in
    /// progress for longer than the patience is acted on. Returns whether anything is still in progress.
    /// </summary>
    internal bool Check(long now) => CheckAll(now) != NoneInProgress;

    private int CheckAll(long now)
    {
        var found = NoneInProgress;
        foreach (var watched in Volatile.Read(ref _snapshot))
        {
            if (watched.Check(now - _patience))
            {
                found = Math.Max(found, watched.Urgent ? UrgentInProgress : SlowInProgress);
            }
        }

        return found;
    }

    private void Run()
    {
        var idle = 0;
        var found = NoneInProgress;
        while (true)
        {
            if (found == SlowInProgress)
            {
                SleepUnlessInProgress(SleepingSlow, _tick * SlowTicks);
            }
            else
            {
                Thread.Sleep(_tick);
            }

            found = CheckAll(Stopwatch.GetTimestamp());
            if (found != NoneInProgress)
            {
                idle = 0;
                continue;
            }

            if (++idle < IdleTicks)
            {
                continue;
            }

            SleepUnlessInProgress(SleepingIdle, Timeout.InfiniteTimeSpan);
            idle = 0;
        }
    }

    // Sleeps until what the state lets wake the thread starts, or for the timeout.
    private void SleepUnlessInProgress(int state, TimeSpan timeout)
    {
        // Published with a full fence before anything is looked at again: what started before it
        // is seen here, what starts after it sees the flag and wakes this thread.
        _wakeUp.Reset();
        Interlocked.Exchange(ref _sleeping, state);
        if (!AnyInProgress(urgentOnly: state == SleepingSlow))
        {
            _wakeUp.Wait(timeout);
        }

        Interlocked.Exchange(ref _sleeping, Awake);
    }

    private bool AnyInProgress(bool urgentOnly)
    {
        foreach (var watched in Volatile.Read(ref _snapshot))
        {
            if ((watched.Urgent || !urgentOnly) && watched.InProgress)
            {
                return true;
            }
        }

        return false;
    }
}
