using System.Diagnostics;
using ActorIpc.Spi;

namespace ActorIpc.Remote.Transport;

/// <summary>
/// The threads that read a connection which reads on threads of its own, as leader and
/// follower. The leader blocks in the socket's receive and hands the bytes to the application,
/// which decodes them on this thread. When that makes local actors due, or settles Asks, the
/// leader does not hand the work to the thread pool (a wake-up on the way of every request): it
/// runs the actors' turns and the Asks' awaiting code itself (<see cref="InlineTurns"/>), then
/// reads again. A turn that lasts longer than the
/// <see cref="TurnWatchdog"/>'s patience (an actor that blocks) has the other thread lead
/// meanwhile, so the connection's other messages wait about a millisecond, not for as long as
/// the actor blocks; the thread in the turn then waits to lead again. The second thread starts
/// the first time it is needed. When no thread could take over (the other is in a slow turn
/// too), or when the receive was large (<see cref="MaxInlineReceive"/>), the work goes to the
/// pool as it would without <c>runActors</c>.
/// </summary>
internal sealed class ReadThreads : TurnWatchdog.IWatched
{
    private const int MaxThreads = 2;

    /// <summary>
    /// The largest receive whose work the thread runs itself. A larger one means a busy stream
    /// (a backlog in the socket): the pool then runs the work while this thread decodes the next
    /// receive, and the pool's threads are awake anyway. Request/response traffic stays below it.
    /// </summary>
    internal const int MaxInlineReceive = 16 * 1024;

    // _turnStarted when the leader is not in a turn, and once the watchdog has passed its lead.
    private const long NotInTurn = 0;
    private const long LeadPassed = -1;

    private readonly Func<int> _readOnce;
    private readonly Action<Exception?> _end;
    private readonly TurnWatchdog? _watchdog; // null without runActors
    private readonly SemaphoreSlim _lead = new(0);
    private int _threads;

    // Threads waiting to lead. Usually one at most, but a leader whose turn the watchdog passed
    // on may start waiting before the watchdog has released the one already waiting: both then
    // wait, one is released, and the count says the other still waits (a flag said nobody did,
    // and every turn went to the pool from then on).
    private int _followersWaiting;
    private long _turnStarted;
    private volatile bool _ended;

    /// <param name="readOnce">One receive, handed to the application: the bytes received; 0 at the end of the stream or when the application stops reading.</param>
    /// <param name="end">Completes the application's input, with the failure if there was one; called once, by the last leader.</param>
    /// <param name="runActors">Whether the threads run the turns of the actors their bytes make due.</param>
    /// <param name="watchdog">Passes the lead on when a turn is slow; the process's by default.</param>
    public ReadThreads(Func<int> readOnce, Action<Exception?> end, bool runActors, TurnWatchdog? watchdog = null)
    {
        _readOnce = readOnce;
        _end = end;
        _watchdog = runActors ? watchdog ?? TurnWatchdog.Shared : null;
    }

    bool TurnWatchdog.IWatched.Urgent => true;

    // Whether the leader is in a turn that the watchdog watches.
    bool TurnWatchdog.IWatched.InProgress => Volatile.Read(ref _turnStarted) > 0;

    bool TurnWatchdog.IWatched.Check(long before) => PassLeadIfTurnStartedBefore(before);

    /// <summary>Starts the first thread, as the leader; with <c>runActors</c>, the watchdog watches it until reading ends.</summary>
    public void Start()
    {
        _watchdog?.Add(this);
        StartThread();
    }

    /// <summary>
    /// Called by the watchdog: if the leader's turn started before <paramref name="before"/>, the
    /// other thread leads from now on. Returns whether a turn is still in progress and watched.
    /// </summary>
    private bool PassLeadIfTurnStartedBefore(long before)
    {
        var started = Volatile.Read(ref _turnStarted);
        if (started <= 0)
        {
            return false;
        }

        if (started > before)
        {
            return true;
        }

        if (Interlocked.CompareExchange(ref _turnStarted, LeadPassed, started) == started)
        {
            // The leader checked that a thread could take over before it began the turn, and
            // only the leader's turn passes the lead: that thread is still there.
            PassLead();
        }

        return false;
    }

    private void StartThread()
    {
        Interlocked.Increment(ref _threads);
        new Thread(Run) { IsBackground = true, Name = "actoripc-read" }.Start();
    }

    private void Run()
    {
        var turns = _watchdog is null ? null : new InlineTurns();
        while (true)
        {
            var received = Lead(turns);
            if (received == 0)
            {
                return;
            }

            if (turns is null || turns.IsEmpty)
            {
                continue;
            }

            // A busy stream, or no thread to take over if the turn is slow: the pool takes the work.
            if (received > MaxInlineReceive || (Volatile.Read(ref _followersWaiting) == 0 && Volatile.Read(ref _threads) >= MaxThreads))
            {
                turns.Schedule();
                continue;
            }

            // Published with a full fence before the watchdog's sleep flag is read (TurnStarted).
            Interlocked.Exchange(ref _turnStarted, Math.Max(1, Stopwatch.GetTimestamp()));
            _watchdog!.TurnStarted();
            turns.Run();
            if (Interlocked.Exchange(ref _turnStarted, NotInTurn) == LeadPassed && !WaitToLead())
            {
                return;
            }
        }
    }

    // One receive as the leader: the bytes received; 0 when reading has ended (and the input is completed).
    private int Lead(InlineTurns? turns)
    {
        int received;
        try
        {
            if (turns is null)
            {
                received = _readOnce();
            }
            else
            {
                using (turns.Collecting())
                {
                    received = _readOnce();
                }
            }
        }
        catch (Exception e)
        {
            End(e);
            return 0;
        }

        if (received == 0)
        {
            End(null);
        }

        return received;
    }

    private void PassLead()
    {
        while (Volatile.Read(ref _followersWaiting) is var waiting and > 0)
        {
            if (Interlocked.CompareExchange(ref _followersWaiting, waiting - 1, waiting) == waiting)
            {
                _lead.Release();
                return;
            }
        }

        StartThread();
    }

    // Waits until the lead is passed back; false when reading ended meanwhile.
    private bool WaitToLead()
    {
        // Published with a full fence before _ended is read: an ending leader either sees this
        // thread waiting and releases it, or this thread sees that reading has ended.
        Interlocked.Increment(ref _followersWaiting);
        if (!_ended)
        {
            _lead.Wait();
        }

        return !_ended;
    }

    private void End(Exception? error)
    {
        _ended = true;
        _watchdog?.Remove(this);

        _end(error);
        if (Interlocked.Exchange(ref _followersWaiting, 0) is var waiting and > 0)
        {
            _lead.Release(waiting);
        }
    }
}
