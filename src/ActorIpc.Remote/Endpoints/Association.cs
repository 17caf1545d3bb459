using System.Diagnostics;
using ActorIpc.Remote.References;
using ActorIpc.Remote.Transport;
using ActorIpc.Spi;
using Microsoft.Extensions.Logging;

namespace ActorIpc.Remote.Endpoints;

/// <summary>
/// Everything this node keeps about one peer process: the queue of messages to it, the one
/// outbound connection (dialled on demand, at most one attempt at a time, with backoff), the
/// numbered system messages not yet acknowledged, and who watches whom across the boundary.
/// When the peer is lost (its connection closed and a redial fails, heartbeats stop, or it
/// comes back as a new incarnation), every local watcher of its actors and every Ask waiting
/// on it is told at once.
/// </summary>
internal sealed partial class Association : IEndOfRunWork
{
    private const int MinAskSweep = 1024;

    private readonly RemoteNode _node;
    private readonly OutboundQueue _queue;
    private readonly Lock _lock = new();

    // Local watchers of the peer's actors.
    private readonly Dictionary<RemoteActorRef, HashSet<IActorRef>> _watched = [];

    // The peer's actors watching local actors (undone when the peer is lost).
    private readonly HashSet<(IActorRef Watchee, RemoteActorRef Watcher)> _watchers = [];

    // Asks whose request went to the peer: failed at once if the peer is lost. Only the writer
    // task touches it (it adds as it writes requests, and it is the one that finds the peer
    // lost), so it needs no lock and no hashing; answered Asks are swept out as it grows.
    private readonly List<(IActorRef Promise, RemoteActorRef Target)> _waitingAsks = [];
    private int _sweepAsksAt = MinAskSweep;

    // Numbered system messages not yet acknowledged by the current incarnation of the peer.
    private readonly List<(ulong Sequence, RemoteSystemMessage Message)> _unacked = [];
    private ulong _nextSequence;
    private ulong? _peerIncarnation;

    // A Unix-socket peer's socket file: a restarted peer binds it anew, which lifts the backoff.
    private readonly string? _peerSocketPath;
    private DateTime? _socketBoundAtGate;
    private long _nextSocketCheck;

    // When a wake of the writer was first left to the end of a run (a Stopwatch timestamp); 0 when none is.
    private long _wakeDeferredSince;

    // Set when the watchdog woke the writer for a run that lasted; until a run ends, sends wake it at once.
    private bool _sendAtOnce;

    // Sends held back since a run last ended, and the count at which the next flush is due.
    private int _heldBack;
    private int _flushAt;

    private int _writerRunning;
    private long _gatedUntil;
    private string? _lastFailure;
    private TimeSpan _backoff;

    public Association(RemoteNode node, Address remoteAddress)
    {
        _node = node;
        RemoteAddress = remoteAddress;
        RemoteAddressText = remoteAddress.ToString();
        _backoff = node.Settings.BackoffMin;
        _peerSocketPath = PeerSocketPath(remoteAddress, node.RuntimeDirectory);
        _queue = new OutboundQueue(node.Settings.SendQueueSize);
        _flushAt = node.Settings.FlushSendsEvery;
    }

    public Address RemoteAddress { get; }

    public string RemoteAddressText { get; }

    private ILogger Log => _node.Log;

    public void Send(RemoteActorRef recipient, object message, IActorRef? sender)
    {
        if (IsGated(out var reason))
        {
            _node.Spi.DeadLetter(message, sender, recipient, reason);
            return;
        }

        if (!_queue.TryEnqueueUser(OutboundItem.User(recipient, message, sender)))
        {
            _node.Spi.DeadLetter(message, sender, recipient, $"the send queue to {RemoteAddressText} is full ({_node.Settings.SendQueueSize} messages)");
            return;
        }

        // An actor that sends many messages in one run wakes the writer once, at the run's end,
        // and the writer then sends them in one batch; the watchdog wakes it for a run that
        // lasts (its code blocks, maybe on the answer to this very message).
        if (!ActorSystemSpi.TryDeferToEndOfRun(this) || Volatile.Read(ref _sendAtOnce))
        {
            _queue.WakeReader();
        }
        else
        {
            MarkDeferred();
            FlushIfManyHeldBack();
        }

        EnsureWriter();
    }

    /// <summary>The end of an actor run that sent to the peer: wake the writer.</summary>
    void IEndOfRunWork.Run()
    {
        Volatile.Write(ref _sendAtOnce, false);
        Interlocked.Exchange(ref _wakeDeferredSince, 0);
        Volatile.Write(ref _heldBack, 0);
        Volatile.Write(ref _flushAt, _node.Settings.FlushSendsEvery);
        _queue.WakeReader(inline: true);
    }

    // After flush-sends-every held-back sends, the writer sends them now, on this thread as at
    // the run's end, so the peer starts on them while the run makes the rest: in a conversation
    // (replies to a batch of Asks, each sending the next) the two processes then work at once
    // instead of in turns. Each later flush of the run waits for twice as many (at 64, 128,
    // 256, ...), so a long run still sends in few large writes. The counts are shared by the
    // runs that send here; a race merely moves a flush by a message or two.
    private void FlushIfManyHeldBack()
    {
        var flushAt = Volatile.Read(ref _flushAt);
        if (flushAt == 0)
        {
            return;
        }

        var heldBack = Interlocked.Increment(ref _heldBack);
        if (heldBack >= flushAt && Interlocked.CompareExchange(ref _flushAt, (int)Math.Min(2L * heldBack, int.MaxValue), flushAt) == flushAt)
        {
            _queue.WakeReader(inline: true);
        }
    }

    /// <summary>
    /// Called by the node's watchdog check: when a wake of the writer has been left to the end
    /// of a run since before <paramref name="before"/>, the writer is woken now, on the pool, and
    /// until a run ends, sends wake it at once (the slow run may go on sending: a loop that
    /// streams messages would otherwise leave the writer idle between checks). Returns whether a
    /// wake is still left to a run's end.
    /// </summary>
    internal bool WakeWriterIfDeferredBefore(long before)
    {
        var since = Volatile.Read(ref _wakeDeferredSince);
        if (since == 0)
        {
            return false;
        }

        if (since > before)
        {
            return true;
        }

        if (Interlocked.CompareExchange(ref _wakeDeferredSince, 0, since) == since)
        {
            Volatile.Write(ref _sendAtOnce, true);
            _queue.WakeReader();
        }

        return false;
    }

    /// <summary>Whether a wake of the writer is left to the end of a run.</summary>
    internal bool WakeDeferred => Volatile.Read(ref _wakeDeferredSince) != 0;

    // The first deferral since the writer was last woken notes when, for the watchdog. Later
    // ones find it noted: a message queued before a wake is written by it.
    private void MarkDeferred()
    {
        if (Volatile.Read(ref _wakeDeferredSince) == 0
            && Interlocked.CompareExchange(ref _wakeDeferredSince, Math.Max(1, Stopwatch.GetTimestamp()), 0) == 0)
        {
            _node.Watchdog.SendsHeldBack();
        }
    }

    public void Watch(RemoteActorRef watchee, IActorRef watcher)
    {
        lock (_lock)
        {
            if (!_watched.TryGetValue(watchee, out var watchers))
            {
                _watched[watchee] = watchers = [];
            }

            if (!watchers.Add(watcher))
            {
                return;
            }
        }

        SendSystem(new RemoteSystemMessage(RemoteSystemMessageKind.Watch, watchee.Path.ToStringWithUid(), _node.ExportPath(watcher), false), watchee, watcher);
    }

    public void Unwatch(RemoteActorRef watchee, IActorRef watcher)
    {
        lock (_lock)
        {
            if (!_watched.TryGetValue(watchee, out var watchers) || !watchers.Remove(watcher))
            {
                return;
            }

            if (watchers.Count == 0)
            {
                _watched.Remove(watchee);
            }
        }

        SendSystem(new RemoteSystemMessage(RemoteSystemMessageKind.Unwatch, watchee.Path.ToStringWithUid(), _node.ExportPath(watcher), false), watchee, watcher);
    }

    /// <summary>A local actor that <paramref name="watcher"/> (the peer's actor) watched has died: tell the peer.</summary>
    public void SendDeathNotification(RemoteActorRef watcher, IActorRef deadActor, bool existenceConfirmed)
    {
        lock (_lock)
        {
            _watchers.Remove((deadActor, watcher));
        }

        SendSystem(new RemoteSystemMessage(RemoteSystemMessageKind.Terminated, watcher.Path.ToStringWithUid(), _node.ExportPath(deadActor), existenceConfirmed), watcher, deadActor);
    }

    /// <summary>The peer's actor <paramref name="watcher"/> watches the local <paramref name="watchee"/>.</summary>
    public void RegisterInboundWatch(IActorRef watchee, RemoteActorRef watcher)
    {
        lock (_lock)
        {
            _watchers.Add((watchee, watcher));
        }

        _node.Spi.Watch(watchee, watcher);
    }

    public void RemoveInboundWatch(IActorRef watchee, RemoteActorRef watcher)
    {
        lock (_lock)
        {
            _watchers.Remove((watchee, watcher));
        }

        _node.Spi.Unwatch(watchee, watcher);
    }

    /// <summary>The peer's actor at <paramref name="deadActor"/> died: tell the local watcher.</summary>
    public void DeliverDeathNotification(IActorRef watcher, RemoteActorRef deadActor, bool existenceConfirmed)
    {
        lock (_lock)
        {
            if (_watched.TryGetValue(deadActor, out var watchers))
            {
                watchers.Remove(watcher);
                if (watchers.Count == 0)
                {
                    _watched.Remove(deadActor);
                }
            }
        }

        _node.Spi.NotifyTerminated(watcher, deadActor, existenceConfirmed, addressTerminated: false);
    }

    /// <summary>
    /// An Ask's request goes to the peer with <paramref name="promise"/> as its sender (called by
    /// the writer task). Answered Asks are dropped whenever the list has doubled since the last
    /// sweep, which keeps the cost per Ask constant.
    /// </summary>
    public void TrackAsk(IActorRef promise, RemoteActorRef target)
    {
        _waitingAsks.Add((promise, target));
        if (_waitingAsks.Count >= _sweepAsksAt)
        {
            _waitingAsks.RemoveAll(static ask => ActorSystemSpi.IsTerminated(ask.Promise));
            _sweepAsksAt = Math.Max(MinAskSweep, _waitingAsks.Count * 2);
        }
    }

    private void SendSystem(RemoteSystemMessage message, IActorRef recipient, IActorRef about)
    {
        if (IsGated(out var reason))
        {
            // The peer is unreachable: a watch is answered as if the peer died now.
            if (message.Kind == RemoteSystemMessageKind.Watch)
            {
                _node.Spi.NotifyTerminated(about, recipient, existenceConfirmed: false, addressTerminated: true, reason);
            }

            return;
        }

        lock (_lock)
        {
            _unacked.Add((++_nextSequence, message));
        }

        _queue.WriteControl(OutboundItem.SystemMessages());
        EnsureWriter();
    }

    /// <summary>
    /// The peer connected to this node (a restarted process usually does): sends to it go out
    /// again at once instead of waiting out the backoff of an earlier failed dial.
    /// </summary>
    public void PeerReachable()
    {
        if (Volatile.Read(ref _gatedUntil) != 0)
        {
            LiftBackoff("connected to this node");
        }
    }

    private bool IsGated(out string reason)
    {
        var until = Volatile.Read(ref _gatedUntil);
        var now = Environment.TickCount64;
        if (until != 0 && now < until && !PeerSocketRebound(now))
        {
            reason = $"cannot reach {RemoteAddressText}: {_lastFailure}";
            return true;
        }

        reason = string.Empty;
        return false;
    }

    // Null for network peers, and for an address no transport can reach (dialling reports that).
    private static string? PeerSocketPath(Address address, string runtimeDirectory)
    {
        if (address.Protocol != TransportEndpoint.UnixScheme)
        {
            return null;
        }

        try
        {
            return TransportEndpoint.FromAddress(address, runtimeDirectory).SocketPath;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Starts the backoff after a failed dial: until it passes, sends fail at once.</summary>
    private void StartBackoff(TimeSpan backoff)
    {
        _socketBoundAtGate = SocketBoundAt();
        Volatile.Write(ref _nextSocketCheck, 0);
        Volatile.Write(ref _gatedUntil, Environment.TickCount64 + (long)backoff.TotalMilliseconds);
    }

    /// <summary>
    /// For a peer on this host: true (and the backoff is lifted) when its socket file was bound
    /// after the dial failed, i.e. the process restarted. Looked at no more than every 10 ms.
    /// </summary>
    private bool PeerSocketRebound(long now)
    {
        if (_peerSocketPath is null || now < Volatile.Read(ref _nextSocketCheck))
        {
            return false;
        }

        Volatile.Write(ref _nextSocketCheck, now + 10);

        // Compared with the file's own time when the dial failed, not with the clock: file times
        // are coarse (a tick of the kernel's clock), and a fast restart would look older.
        var bound = SocketBoundAt();
        if (bound is null || bound == _socketBoundAtGate)
        {
            return false;
        }

        LiftBackoff("bound its socket again");
        return true;
    }

    // When the peer's socket file was last bound; null when there is none (or it cannot be read).
    private DateTime? SocketBoundAt()
    {
        try
        {
            return _peerSocketPath is not null && File.Exists(_peerSocketPath) ? File.GetLastWriteTimeUtc(_peerSocketPath) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private void LiftBackoff(string why)
    {
        Volatile.Write(ref _gatedUntil, 0);
        Log.LogDebug("{Peer} {Why}: no longer waiting out the reconnect backoff", RemoteAddressText, why);
    }

    /// <summary>
    /// The peer is gone (or came back as another incarnation): every local watcher of its actors
    /// and every Ask waiting on it is told now, and what the peer's actors watched is undone.
    /// </summary>
    private void PeerLost(string reason)
    {
        Dictionary<RemoteActorRef, HashSet<IActorRef>> watched;
        (IActorRef Watchee, RemoteActorRef Watcher)[] watchers;
        lock (_lock)
        {
            watched = new Dictionary<RemoteActorRef, HashSet<IActorRef>>(_watched);
            _watched.Clear();
            watchers = [.. _watchers];
            _watchers.Clear();
            _unacked.Clear();
            _nextSequence = 0;
            _peerIncarnation = null;
        }

        Log.LogWarning("Lost the connection to {Peer}: {Reason}; its actors count as terminated", RemoteAddressText, reason);
        foreach (var (watchee, localWatchers) in watched)
        {
            foreach (var watcher in localWatchers)
            {
                _node.Spi.NotifyTerminated(watcher, watchee, existenceConfirmed: true, addressTerminated: true, reason);
            }
        }

        foreach (var (watchee, watcher) in watchers)
        {
            _node.Spi.Unwatch(watchee, watcher);
        }

        foreach (var (promise, target) in _waitingAsks)
        {
            if (!ActorSystemSpi.IsTerminated(promise))
            {
                _node.Spi.NotifyTerminated(promise, target, existenceConfirmed: true, addressTerminated: true, reason);
            }
        }

        _waitingAsks.Clear();
        _sweepAsksAt = MinAskSweep;
        _node.ForgetInbound(RemoteAddressText);
    }
}
