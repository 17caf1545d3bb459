namespace ActorIpc;

/// <summary>The times of a replica's counted restarts within the policy's sliding window.</summary>
internal sealed class RestartWindow(TimeSpan within)
{
    private readonly Queue<DateTimeOffset> _restarts = new();

    /// <summary>The restarts within the window that ends at <paramref name="now"/>.</summary>
    public int Count(DateTimeOffset now)
    {
        while (_restarts.TryPeek(out var oldest) && now - oldest >= within)
        {
            _restarts.Dequeue();
        }

        return _restarts.Count;
    }

    public void Add(DateTimeOffset at) => _restarts.Enqueue(at);

    public void Clear() => _restarts.Clear();
}
