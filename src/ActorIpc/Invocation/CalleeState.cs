using Akka.Actor;

namespace ActorIpc;

/// <summary>
/// What the invoker knows of one callee it has called: its calls in flight from this process
/// (for least-in-flight routing), the calls it answered (for a fleet's status), and a token
/// cancelled once it is gone (it stopped, or its process left the cluster or lost its
/// connection), which fails those calls at once.
/// </summary>
internal sealed class CalleeState(IActorRef callee, int? processId)
{
    private readonly CancellationTokenSource _gone = new();
    private int _inFlight;
    private long _answered;
    private string? _reason;

    public IActorRef Callee { get; } = callee;

    public int? ProcessId { get; } = processId;

    public int InFlight => Volatile.Read(ref _inFlight);

    public CancellationToken Gone => _gone.Token;

    public bool IsGone => _gone.IsCancellationRequested;

    /// <summary>Why it is gone; set before <see cref="Gone"/> is cancelled.</summary>
    public string Reason => Volatile.Read(ref _reason) ?? "it went away";

    /// <summary>How many calls from this process it has answered.</summary>
    public long AnsweredCount => Volatile.Read(ref _answered);

    public void Enter() => Interlocked.Increment(ref _inFlight);

    public void Answered() => Interlocked.Increment(ref _answered);

    public void Leave() => Interlocked.Decrement(ref _inFlight);

    /// <summary>Marks the callee gone with <paramref name="reason"/> (the first reason wins) and fails its calls in flight.</summary>
    public void MarkGone(string reason)
    {
        if (Interlocked.CompareExchange(ref _reason, reason, null) is null)
        {
            _gone.Cancel();
        }
    }
}
