using System.Reflection;
using ActorIpc.Serialization;
using Akka.Actor;

namespace ActorIpc;

/// <summary>
/// The actor a published object is registered as (<c>/system/actoripc-published-NAME-N</c>). Each
/// call runs the implementation's method at once and is answered when its task completes, from
/// the task's continuation: the actor never waits, so calls run concurrently. A call it cannot
/// serve (another interface, another version of it, an argument not allowed here) is answered
/// with a <see cref="PublishedObjectRefusal"/>; the implementation's own exception with a
/// <see cref="Status.Failure"/> that carries it as it was thrown. Calls by name with JSON
/// arguments (<see cref="PublishedObjectJsonCall"/>) are served apart, in
/// <c>PublishedObjectHost.Json.cs</c>.
/// </summary>
internal sealed partial class PublishedObjectHost : UntypedActor, IWithTimers
{
    private const string DrainTimer = "drain";

    private readonly ServiceInterface _service;
    private readonly object _implementation;
    private readonly ServiceKey<PublishedObjectCall> _key;
    private readonly ServiceKey<PublishedObjectJsonCall> _jsonKey;
    private readonly PublishedObjectCodec _codec;
    private readonly TimeSpan _drainTimeout;
    private readonly Action _stopped;
    private readonly IActorRef _self;
    private readonly string _publisher;

    // Cancelled when the host stops: the token of the methods that take one.
    private readonly CancellationTokenSource _stopping = new();
    private int _inFlight;
    private int _draining;
    private int _gone;

    public PublishedObjectHost(ServiceInterface service, object implementation, ServiceKey<PublishedObjectCall> key, PublishedObjectCodec codec, TimeSpan drainTimeout, Action stopped)
    {
        _service = service;
        _implementation = implementation;
        _key = key;
        _jsonKey = new ServiceKey<PublishedObjectJsonCall>(key.Name);
        _codec = codec;
        _drainTimeout = drainTimeout;
        _stopped = stopped;
        _self = Self;
        _publisher = Self.Path.ToStringWithAddress(((ExtendedActorSystem)Context.System).Provider.DefaultAddress);
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case PublishedObjectCall call:
                try
                {
                    Serve(call, Sender);
                }
                catch (Exception e)
                {
                    // Nothing escapes to the supervisor: a restart would run PostStop, which
                    // ends the publication, and lose the count of the calls in flight.
                    Fail(Sender, e);
                }

                break;
            case PublishedObjectJsonCall json:
                try
                {
                    ServeJson(json, Sender);
                }
                catch (Exception e)
                {
                    // As above: nothing escapes to the supervisor.
                    AnswerJson(Sender, JsonCallOutcome.Refused, $"the publisher failed: {e.Message}", null);
                }

                break;
            case Unpublish:
                Drain();
                break;
            case Drained when Volatile.Read(ref _inFlight) == 0:
            case DrainTimedOut:
                Context.Stop(Self);
                break;
            case Drained:
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    protected override void PostStop()
    {
        // Gone first: what a method returns once its token is cancelled is not sent, as its
        // callers learn that the publisher went away (CalleeTerminatedException) from its end.
        Volatile.Write(ref _gone, 1);
        _stopping.Cancel();
        _stopped();
    }

    private void Serve(PublishedObjectCall call, IActorRef sender)
    {
        if (!string.Equals(call.Service, _service.WireName, StringComparison.Ordinal))
        {
            Refuse(sender, RefusalKind.OtherInterface, null, $"{call.Service} is not {_service.WireName}");
            return;
        }

        if (!_service.TryFind(call.Method, out var method))
        {
            Refuse(sender, RefusalKind.NoSuchMethod, null, $"{_service.WireName} has no method {call.Method}");
            return;
        }

        if (call.ArgumentError is { } error)
        {
            Refuse(sender, RefusalKind.ArgumentRefused, (error as TypeNotAllowedException)?.TypeName, error.Message);
            return;
        }

        if (call.Arguments.Length != method.ArgumentCount)
        {
            sender.Tell(new Status.Failure(new ArgumentException($"a call of {method.Display} with {call.Arguments.Length} arguments instead of {method.ArgumentCount}")), _self);
            return;
        }

        Interlocked.Increment(ref _inFlight);
        ValueTask<object?> pending;
        try
        {
            pending = method.Invoke(_implementation, call.Arguments, _stopping.Token);
        }
        catch (Exception e)
        {
            // Thrown before the method returned a task (a method that is not async, say).
            Fail(sender, e);
            CallEnded();
            return;
        }

        if (pending.IsCompletedSuccessfully)
        {
            Reply(sender, pending.Result);
            CallEnded();
        }
        else
        {
            _ = ReplyWhenDoneAsync(pending, sender);
        }
    }

    // Runs on the task's continuation, outside the actor: it touches only what is thread-safe
    // (the sender and self references, the codec, the counters).
    private async Task ReplyWhenDoneAsync(ValueTask<object?> pending, IActorRef sender)
    {
        try
        {
            Reply(sender, await pending.ConfigureAwait(false));
        }
        catch (Exception e)
        {
            Fail(sender, e);
        }
        finally
        {
            CallEnded();
        }
    }

    private void Reply(IActorRef sender, object? result)
    {
        if (Volatile.Read(ref _gone) == 1)
        {
            return;
        }

        if (sender.Path.Address.HasLocalScope)
        {
            // Within this process nothing is serialized: the result goes as it is.
            sender.Tell(result is null ? PublishedObjectResult.Done : new PublishedObjectResult(result), _self);
            return;
        }

        // Encoded here rather than by Akka.Remote on its way out, where a refusal would only be
        // logged and the caller would wait out its timeout.
        byte[] payload;
        try
        {
            payload = _codec.EncodeResult(result);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Refuse(sender, RefusalKind.ResultRefused, (e as TypeNotAllowedException)?.TypeName, e.Message);
            return;
        }

        sender.Tell(new PublishedObjectResult(result, payload), _self);
    }

    private void Fail(IActorRef sender, Exception error)
    {
        if (Volatile.Read(ref _gone) == 1)
        {
            return;
        }

        if (error is TargetInvocationException { InnerException: { } inner })
        {
            error = inner;
        }

        sender.Tell(new Status.Failure(error), _self);
    }

    private void Refuse(IActorRef sender, RefusalKind kind, string? typeName, string detail) =>
        sender.Tell(new PublishedObjectRefusal(kind, _service.WireName, typeName, detail, _publisher, Environment.ProcessId), _self);

    private void CallEnded()
    {
        // With Drain's exchange, a full fence on both sides: either this sees the drain, or the
        // drain sees no call in flight.
        if (Interlocked.Decrement(ref _inFlight) == 0 && Volatile.Read(ref _draining) == 1)
        {
            _self.Tell(Drained.Instance, _self);
        }
    }

    private void Drain()
    {
        if (Interlocked.Exchange(ref _draining, 1) == 1)
        {
            return;
        }

        // Callers stop picking this host once their receptionist hears of it; a call that still
        // arrives meanwhile is served, for as long as the drain lasts.
        var receptionist = Receptionist.Get(Context.System);
        receptionist.Deregister(_key, Self);
        receptionist.Deregister(_jsonKey, Self);
        if (Volatile.Read(ref _inFlight) == 0)
        {
            Context.Stop(Self);
        }
        else
        {
            Timers.StartSingleTimer(DrainTimer, DrainTimedOut.Instance, _drainTimeout);
        }
    }

    /// <summary>Stop serving: deregister, let the calls in flight finish (for the drain timeout at most), stop.</summary>
    internal sealed class Unpublish
    {
        public static readonly Unpublish Instance = new();
    }

    private sealed class Drained
    {
        public static readonly Drained Instance = new();
    }

    private sealed class DrainTimedOut
    {
        public static readonly DrainTimedOut Instance = new();
    }
}
