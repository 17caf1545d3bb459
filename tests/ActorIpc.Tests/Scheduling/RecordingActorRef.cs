using System.Collections.Concurrent;

namespace ActorIpc.Tests.Scheduling;

/// <summary>An <see cref="IActorRef"/> that records what it is told, for tests without an actor system.</summary>
internal sealed class RecordingActorRef : IActorRef
{
    private readonly ConcurrentQueue<(object Message, IActorRef? Sender)> _received = new();
    private readonly int _signalAt;
    private readonly TaskCompletionSource _signalled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <param name="name">The actor name in the fake path.</param>
    /// <param name="signalAt">The number of received messages at which <see cref="Signalled"/> completes.</param>
    public RecordingActorRef(string name = "probe", int signalAt = 1)
    {
        Path = ActorPath.CreateRoot(Address.Local("test")) / "user" / name;
        _signalAt = signalAt;
    }

    public ActorPath Path { get; }

    public Task Signalled => _signalled.Task;

    public int Count => _received.Count;

    public IReadOnlyList<(object Message, IActorRef? Sender)> Received => [.. _received];

    /// <summary>Removes and returns what was received so far.</summary>
    public List<object> Drain()
    {
        var messages = new List<object>();
        while (_received.TryDequeue(out var item))
        {
            messages.Add(item.Message);
        }

        return messages;
    }

    public void Tell(object message, IActorRef? sender)
    {
        _received.Enqueue((message, sender));
        if (_received.Count >= _signalAt)
        {
            _signalled.TrySetResult();
        }
    }

    public bool Equals(IActorRef? other) => other is not null && Path.Equals(other.Path);

    public override bool Equals(object? obj) => obj is IActorRef other && Equals(other);

    public override int GetHashCode() => Path.GetHashCode();

    public int CompareTo(IActorRef? other) => other is null ? 1 : Path.CompareTo(other.Path);

    public override string ToString() => Path.ToString();
}
