namespace ActorIpc.Cli.Fleets;

/// <summary>The last lines shown under the live table, from the replicas' logs and this node's own log.</summary>
internal sealed class RecentLines(int capacity)
{
    private readonly Queue<string> _lines = new(capacity);

    public void Add(string line)
    {
        lock (_lines)
        {
            // A supervisor's note comes both through the fleet's log and through the node's: once is enough.
            if (_lines.Contains(line))
            {
                return;
            }

            if (_lines.Count == capacity)
            {
                _lines.Dequeue();
            }

            _lines.Enqueue(line);
        }
    }

    public IReadOnlyList<string> Snapshot()
    {
        lock (_lines)
        {
            return [.. _lines];
        }
    }
}
