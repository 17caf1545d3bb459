using System.Threading.Channels;

namespace ActorIpc.TestKit;

/// <summary>
/// A stand-in actor for tests: give its <see cref="Ref"/> to the actors under test, then await
/// what they send it with <c>ExpectMsgAsync</c> and friends. Messages wait in the probe's queue
/// until an expectation takes them; every wait is dilated by <see cref="TestKitSettings.TimeFactor"/>.
/// One expectation at a time: await each before starting the next.
/// </summary>
public sealed partial class TestProbe
{
    // Not SingleReader: that variant cannot count, and QueuedCount needs to.
    private readonly Channel<(object Message, IActorRef Sender)> _queue =
        Channel.CreateUnbounded<(object Message, IActorRef Sender)>(new UnboundedChannelOptions { SingleWriter = true });

    private readonly ActorSystem _system;
    private readonly TestKitSettings _settings;
    private readonly AsyncLocal<WithinScope?> _within = new();
    private readonly Lock _unwatchLock = new();

    // Subjects unwatched whose UnwatchedMarker has not been read yet, with how many are pending.
    private readonly Dictionary<IActorRef, int> _unwatching = [];

    // The one message ReceiveWhileAsync looked at and left for the next expectation.
    private (object Message, IActorRef Sender)? _peeked;
    private (object Message, IActorRef Sender)? _last;
    private int _reading;

    internal TestProbe(ActorSystem system, TestKitSettings settings, string? name)
    {
        _system = system;
        _settings = settings;
        Ref = system.ActorOf(Props.Create(() => new ProbeActor(_queue.Writer)), name);
    }

    /// <summary>
    /// The probe's actor: a real actor (so it can watch and be watched) that puts every message it
    /// receives into the probe's queue.
    /// </summary>
    public IActorRef Ref { get; }

    /// <summary>Messages the probe's actor has queued and no expectation has taken yet (for the TestKit's own tests).</summary>
    internal int QueuedCount => _queue.Reader.Count + (_peeked is null ? 0 : 1);

    /// <summary>The sender of the last message an expectation took; the system's dead letters before the first.</summary>
    public IActorRef LastSender => _last?.Sender ?? _system.DeadLetters;

    /// <summary>
    /// How long an expectation without a duration waits: inside <c>WithinAsync</c> the time left
    /// in the block, elsewhere the dilated <see cref="TestKitSettings.SingleExpectDefault"/>.
    /// </summary>
    public TimeSpan Remaining => _within.Value is { } scope ? scope.Deadline.Remaining : _settings.Dilate(_settings.SingleExpectDefault);

    /// <summary>Sends <paramref name="message"/> to <paramref name="target"/> with the probe as sender.</summary>
    public void Tell(IActorRef target, object message)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(message);
        target.Tell(message, Ref);
    }

    /// <summary>Sends <paramref name="message"/> to the sender of the last message taken, with the probe as sender.</summary>
    /// <exception cref="InvalidOperationException">No message has been taken yet.</exception>
    public void Reply(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var last = _last ?? throw new InvalidOperationException($"Reply: the probe {Ref} has taken no message yet, so there is no sender to reply to.");
        last.Sender.Tell(message, Ref);
    }

    /// <summary>Sends the last message taken to <paramref name="target"/>, keeping its original sender.</summary>
    /// <exception cref="InvalidOperationException">No message has been taken yet.</exception>
    public void Forward(IActorRef target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var last = _last ?? throw new InvalidOperationException($"Forward: the probe {Ref} has taken no message yet, so there is nothing to forward.");
        target.Tell(last.Message, last.Sender);
    }

    /// <summary>
    /// Makes the probe's actor watch <paramref name="actor"/>: a <see cref="Terminated"/> for it
    /// arrives in the queue exactly once when it stops, also when it has already stopped. The
    /// request travels in order with the probe's messages, so nothing the test does after this
    /// call can miss the <see cref="Terminated"/>.
    /// </summary>
    /// <returns><paramref name="actor"/>.</returns>
    public IActorRef Watch(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Ref.Tell(new WatchRequest(actor), null);
        return actor;
    }

    /// <summary>
    /// Makes the probe's actor stop watching <paramref name="actor"/>: no <see cref="Terminated"/>
    /// for it is taken from the queue after this call (until it is watched again).
    /// </summary>
    /// <returns><paramref name="actor"/>.</returns>
    public IActorRef Unwatch(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);

        // The actor may have queued a Terminated before it handles the request; the marker it
        // queues after unwatching tells the reader which ones predate this call, so no blocking
        // round trip is needed.
        lock (_unwatchLock)
        {
            _unwatching[actor] = _unwatching.GetValueOrDefault(actor) + 1;
        }

        Ref.Tell(new UnwatchRequest(actor), null);
        return actor;
    }

    /// <inheritdoc />
    public override string ToString() => $"TestProbe {Ref}";

    /// <summary>The dilated <paramref name="duration"/>, or the time left in the block / the default when null.</summary>
    internal TimeSpan RemainingOrDilated(TimeSpan? duration) => duration is { } given ? _settings.Dilate(given) : Remaining;

    /// <summary>Says where a timeout came from, so a failure inside WithinAsync is not mistaken for the default.</summary>
    private string Origin(TimeSpan? duration) => duration is null && _within.Value is not null ? " (the time left in WithinAsync)" : string.Empty;

    private void EnterRead(string operation)
    {
        if (Interlocked.Exchange(ref _reading, 1) != 0)
        {
            throw new InvalidOperationException(
                $"{operation}: another expectation on {this} is still waiting; a probe has one reader, so await each expectation before starting the next.");
        }
    }

    private void ExitRead() => Volatile.Write(ref _reading, 0);

    /// <summary>Records <paramref name="item"/> as taken: it becomes the last message (for LastSender, Reply, Forward).</summary>
    private (object Message, IActorRef Sender) Take((object Message, IActorRef Sender) item)
    {
        _last = item;
        if (_within.Value is { } scope)
        {
            scope.QuietUntilDeadline = false;
        }

        return item;
    }

    /// <summary>The next message, or null when none arrives before <paramref name="deadline"/>. Waits on the channel, never polls.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (never reported as a timeout).</exception>
    /// <exception cref="TestKitAssertionException">The probe's actor has stopped and its queue is empty.</exception>
    private async ValueTask<(object Message, IActorRef Sender)?> NextAsync(string operation, Deadline deadline, CancellationToken cancellationToken)
    {
        if (_peeked is { } peeked)
        {
            _peeked = null;
            return peeked;
        }

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!_queue.Reader.TryRead(out var item))
            {
                var left = deadline.Remaining;
                if (left <= TimeSpan.Zero)
                {
                    return _queue.Reader.Completion.IsCompleted ? throw Stopped(operation) : null;
                }

                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(left);
                try
                {
                    item = await _queue.Reader.ReadAsync(timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    return null;
                }
                catch (ChannelClosedException)
                {
                    throw Stopped(operation);
                }
            }

            if (IsForTest(item.Message))
            {
                return item;
            }
        }
    }

    /// <summary>False for the probe's own bookkeeping and for Terminated messages that predate an Unwatch.</summary>
    private bool IsForTest(object message)
    {
        lock (_unwatchLock)
        {
            switch (message)
            {
                case UnwatchedMarker marker when _unwatching.TryGetValue(marker.Subject, out var pending):
                    if (pending <= 1)
                    {
                        _unwatching.Remove(marker.Subject);
                    }
                    else
                    {
                        _unwatching[marker.Subject] = pending - 1;
                    }

                    return false;

                case UnwatchedMarker:
                    return false;

                case Terminated terminated when _unwatching.ContainsKey(terminated.ActorRef):
                    return false;

                default:
                    return true;
            }
        }
    }

    private TestKitAssertionException Stopped(string operation) =>
        new($"{operation}: the probe's actor {Ref} has stopped (was the actor system shut down?), so no more messages can arrive.");
}
