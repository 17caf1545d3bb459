using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using ActorIpc.Configuration;
using Akka.Actor;

namespace ActorIpc;

/// <summary>
/// Calls callees by key, in whatever process of the cluster they live: an Akka extension,
/// <c>Invoker.Get(system)</c>. A call goes straight to one callee the <see cref="Receptionist"/>
/// lists (no relay), picked by the key's routing, and always ends: with the reply; with the
/// callee's own exception, as it was thrown there (a <see cref="Status.Failure"/> reply); or with
/// an <see cref="InvocationException"/> that says what happened — no callee in time
/// (<see cref="NoCalleeException"/>), no reply in time (<see cref="InvokeTimeoutException"/>),
/// the callee or its process gone while the call was in flight, at once
/// (<see cref="CalleeTerminatedException"/>), or a reply of the wrong type
/// (<see cref="InvokeReplyTypeException"/>). Keys are configured in <c>actoripc.invoker</c>.
/// </summary>
public sealed class Invoker : IExtension
{
    internal const string ActorName = "actoripc-invoker";

    private readonly Receptionist _receptionist;
    private readonly InvokerSettings _settings;
    private readonly ConcurrentDictionary<IActorRef, CalleeState> _callees = new();
    private readonly ConcurrentDictionary<string, StrongBox<int>> _turns = new(StringComparer.Ordinal);
    private readonly IActorRef _watcher;

    internal Invoker(ExtendedActorSystem system)
    {
        _receptionist = Receptionist.Get(system);
        _settings = InvokerSettings.Create(ActorIpcConfigSetup.Of(system));
        _watcher = system.SystemActorOf(Props.Create(() => new CalleeWatcher(this)), ActorName);
        _receptionist.Lost += AddressLost;
    }

    /// <summary>The invoker of <paramref name="system"/>.</summary>
    /// <param name="system">The actor system.</param>
    /// <returns>The extension, started on first use.</returns>
    public static Invoker Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.WithExtension<Invoker, InvokerProvider>();
    }

    /// <summary>The settings the invoker calls <paramref name="key"/> with.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The key's settings: <c>actoripc.invoker.keys."NAME"</c> over <c>actoripc.invoker.default</c>.</returns>
    public KeySettings SettingsFor(ServiceKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _settings.For(key.Name);
    }

    /// <summary>
    /// Sends <paramref name="message"/> to a callee of <paramref name="key"/> and returns its reply.
    /// When the key has no callee yet, the call waits for one (a worker starting or restarting)
    /// within its timeout.
    /// </summary>
    /// <typeparam name="TResult">The reply's type.</typeparam>
    /// <param name="key">The key.</param>
    /// <param name="message">The message: of the key's protocol type.</param>
    /// <param name="timeout">How long the call may wait for a callee and then for the reply; the key's <c>timeout</c> when not given. An idempotent call has it for each callee it tries.</param>
    /// <param name="cancellationToken">Cancels the call; it then throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The reply.</returns>
    /// <exception cref="ArgumentException"><paramref name="message"/> is not of the key's protocol type, or the timeout is not positive and finite.</exception>
    /// <exception cref="NoCalleeException">No callee in time.</exception>
    /// <exception cref="InvokeTimeoutException">No reply in time.</exception>
    /// <exception cref="CalleeTerminatedException">The callee or its process went away while the call was in flight.</exception>
    /// <exception cref="InvokeReplyTypeException">The reply is not a <typeparamref name="TResult"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<TResult> Ask<TResult>(ServiceKey key, object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        Validate(key, message);
        var settings = _settings.For(key.Name);
        var perTry = CheckTimeout(timeout ?? settings.Timeout);
        var tries = settings.Idempotent ? settings.Tries : 1;
        var started = Stopwatch.GetTimestamp();
        List<IActorRef>? tried = null;
        for (var attempt = 1; ; attempt++)
        {
            var tryStarted = Stopwatch.GetTimestamp();
            var callee = await PickAsync(key, message, settings.Routing, tried, perTry, started, tryStarted, cancellationToken).ConfigureAwait(false);

            // The call is awaited here rather than in a method of its own: one async state machine a
            // call, not two (the invoker's cost is measured against Akka's Ask by 'bench invoke').
            object reply;
            var ends = EndOfCall(callee, perTry - Stopwatch.GetElapsedTime(tryStarted), cancellationToken);
            callee.Enter();
            try
            {
                // Akka's Ask without its own timeout: the token ends the wait, and the cause (the
                // caller, the callee gone, the time) is read from the tokens after.
                reply = await callee.Callee.Ask<object>(message, Timeout.InfiniteTimeSpan, ends.Token).ConfigureAwait(false);
                callee.Answered();
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && ends.IsCancellationRequested)
            {
                // Only the tokens' cancellation: a callee that replies with a Status.Failure of an
                // OperationCanceledException of its own has it thrown as it arrived, like any other.
                if (attempt < tries)
                {
                    // An idempotent key's call goes to another callee; a key that is not never gets here.
                    (tried ??= []).Add(callee.Callee);
                    continue;
                }

                throw NotAnswered(key, message, callee, started);
            }
            finally
            {
                callee.Leave();
                ends.Dispose();
            }

            return Result<TResult>(key, message, callee, reply, started);
        }
    }

    /// <summary>Sends <paramref name="message"/> to a callee of <paramref name="key"/> now, without a reply.</summary>
    /// <param name="key">The key.</param>
    /// <param name="message">The message: of the key's protocol type.</param>
    /// <exception cref="ArgumentException"><paramref name="message"/> is not of the key's protocol type.</exception>
    /// <exception cref="NoCalleeException">The key has no callee now.</exception>
    public void Tell(ServiceKey key, object message)
    {
        Validate(key, message);
        var callee = TryPick(key, _settings.For(key.Name).Routing, tried: null)
            ?? throw NoCallee(key, message, TimeSpan.Zero);
        callee.Callee.Tell(message, ActorRefs.NoSender);
    }

    /// <summary>
    /// Sends <paramref name="message"/> to a callee of <paramref name="key"/>, without a reply, once
    /// the key has one: at once, or when one registers within the timeout.
    /// </summary>
    /// <param name="key">The key.</param>
    /// <param name="message">The message: of the key's protocol type.</param>
    /// <param name="timeout">How long to wait for a callee; the key's <c>timeout</c> when not given.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>A task that completes when the message is sent.</returns>
    /// <exception cref="NoCalleeException">No callee in time.</exception>
    public async Task TellAsync(ServiceKey key, object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        Validate(key, message);
        var settings = _settings.For(key.Name);
        var wait = CheckTimeout(timeout ?? settings.Timeout);
        var started = Stopwatch.GetTimestamp();
        var callee = await PickAsync(key, message, settings.Routing, tried: null, wait, started, started, cancellationToken).ConfigureAwait(false);
        callee.Callee.Tell(message, ActorRefs.NoSender);
    }

    /// <summary>Called by the watcher: <paramref name="callee"/> stopped or its node was lost to death watch.</summary>
    internal void CalleeGone(IActorRef callee, string reason)
    {
        if (_callees.TryRemove(callee, out var state))
        {
            state.MarkGone(reason);
        }
    }

    /// <summary>
    /// How many calls from this process the callees at <paramref name="address"/> have answered
    /// (those still known: a callee that went away takes its count with it). A fleet reads it for
    /// each replica's calls per second.
    /// </summary>
    internal long AnsweredAt(Address address)
    {
        long answered = 0;
        foreach (var (callee, state) in _callees)
        {
            if (callee.Path.Address.Equals(address))
            {
                answered += state.AnsweredCount;
            }
        }

        return answered;
    }

    private void AddressLost(Address address, string? reason)
    {
        foreach (var (callee, state) in _callees)
        {
            if (callee.Path.Address.Equals(address) && _callees.TryRemove(callee, out _))
            {
                state.MarkGone(reason ?? "its process left the cluster or lost its connection");
            }
        }
    }

    /// <summary>
    /// One source that ends a call's wait: cancelled by the caller's token, by the callee going
    /// away, or after <paramref name="remaining"/>. One object and one timer a call, as Akka's own
    /// Ask with a timeout has.
    /// </summary>
    private static CancellationTokenSource EndOfCall(CalleeState callee, TimeSpan remaining, CancellationToken cancellationToken)
    {
        var ends = cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, callee.Gone)
            : CancellationTokenSource.CreateLinkedTokenSource(callee.Gone);
        ends.CancelAfter(remaining > TimeSpan.Zero ? remaining : TimeSpan.FromTicks(1));
        return ends;
    }

    /// <summary>Why a call that the caller did not cancel ended without a reply: the callee went away, or the time ran out.</summary>
    private InvocationException NotAnswered(ServiceKey key, object message, CalleeState callee, long started)
    {
        var waited = Stopwatch.GetElapsedTime(started);
        var (type, text) = Describe(message);
        return callee.IsGone
            ? new CalleeTerminatedException(key, type, waited, callee.Callee, callee.ProcessId, callee.Reason, text)
            : new InvokeTimeoutException(key, type, waited, callee.Callee, callee.ProcessId, calleeWasAlive: IsListed(key, callee.Callee), text);
    }

    private static TResult Result<TResult>(ServiceKey key, object message, CalleeState callee, object reply, long started)
    {
        if (reply is Status.Success success)
        {
            reply = success.Status;
        }

        if (reply is TResult result)
        {
            return result;
        }

        var (type, text) = Describe(message);
        throw new InvokeReplyTypeException(key, type, Stopwatch.GetElapsedTime(started), callee.Callee, callee.ProcessId, typeof(TResult), reply?.GetType() ?? typeof(object), text);
    }

    /// <summary>A callee to send to, waiting for one while the key has none (but those already tried) and time is left.</summary>
    private async ValueTask<CalleeState> PickAsync(
        ServiceKey key, object message, Routing routing, List<IActorRef>? tried, TimeSpan wait, long started, long tryStarted, CancellationToken cancellationToken)
    {
        while (true)
        {
            var seen = _receptionist.Callees(key);
            if (TryPick(key, routing, tried, seen) is { } callee)
            {
                return callee;
            }

            var left = wait - Stopwatch.GetElapsedTime(tryStarted);
            if (left <= TimeSpan.Zero)
            {
                throw NoCallee(key, message, Stopwatch.GetElapsedTime(started));
            }

            try
            {
                await _receptionist.WhenChangedAsync(key, seen, cancellationToken).WaitAsync(left, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // A timer may fire a little before the clock says the time is up: the loop looks
                // again, and gives up once it is.
            }
        }
    }

    private CalleeState? TryPick(ServiceKey key, Routing routing, List<IActorRef>? tried) =>
        TryPick(key, routing, tried, _receptionist.Callees(key));

    private CalleeState? TryPick(ServiceKey key, Routing routing, List<IActorRef>? tried, ImmutableArray<IActorRef> listed)
    {
        var candidates = tried is null ? listed : [.. listed.Where(c => !tried.Contains(c))];
        if (candidates.IsEmpty)
        {
            return null;
        }

        var turn = Interlocked.Increment(ref _turns.GetOrAdd(key.Id, _ => new StrongBox<int>()).Value) & int.MaxValue;
        if (routing == Routing.RoundRobin)
        {
            return State(candidates[turn % candidates.Length]);
        }

        // Least in flight; among equals, in turn, so that an idle key still spreads its calls.
        var states = candidates.Select(State).ToArray();
        var least = states.Min(s => s.InFlight);
        var idle = states.Where(s => s.InFlight == least).ToArray();
        return idle[turn % idle.Length];
    }

    private CalleeState State(IActorRef callee)
    {
        if (_callees.TryGetValue(callee, out var state))
        {
            return state;
        }

        var created = new CalleeState(callee, _receptionist.ProcessIdOf(callee.Path.Address));
        var added = _callees.GetOrAdd(callee, created);
        if (ReferenceEquals(added, created))
        {
            // Watched once, when first called: a callee already dead gets its Terminated at once.
            _watcher.Tell(callee);
        }

        return added;
    }

    private bool IsListed(ServiceKey key, IActorRef callee) => _receptionist.Callees(key).Contains(callee);

    private static void Validate(ServiceKey key, object message)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(message);
        if (!key.ProtocolType.IsInstanceOfType(message))
        {
            throw new ArgumentException($"a {message.GetType().FullName} is not a message of '{key.Name}', whose callees accept {key.ProtocolType.FullName}", nameof(message));
        }
    }

    /// <summary>What the errors call a message: a proxy's call names its interface and method (<see cref="IDescribedCall"/>).</summary>
    private static (Type Type, string? Text) Describe(object message) =>
        message is IDescribedCall described ? (described.CallType, described.CallText) : (message.GetType(), null);

    private static NoCalleeException NoCallee(ServiceKey key, object message, TimeSpan waited)
    {
        var (type, text) = Describe(message);
        return new NoCalleeException(key, type, waited, text);
    }

    private static TimeSpan CheckTimeout(TimeSpan timeout) =>
        timeout > TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan
            ? timeout
            : throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "a call's timeout must be positive and finite: every call ends");
}
