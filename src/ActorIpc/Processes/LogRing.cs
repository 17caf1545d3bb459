namespace ActorIpc;

/// <summary>
/// The last lines of one replica's log, oldest dropped first: written by the threads that read its
/// process's output and by the supervisor, read by <see cref="Fleet.LastLines"/>.
/// </summary>
internal sealed class LogRing
{
    private readonly Lock _gate = new();
    private readonly ProcessLogLine[] _lines;
    private int _next;
    private int _count;

    public LogRing(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _lines = new ProcessLogLine[capacity];
    }

    public int Capacity => _lines.Length;

    public void Add(ProcessLogLine line)
    {
        if (_lines.Length == 0)
        {
            return;
        }

        lock (_gate)
        {
            _lines[_next] = line;
            _next = (_next + 1) % _lines.Length;
            _count = Math.Min(_count + 1, _lines.Length);
        }
    }

    /// <summary>The last <paramref name="count"/> lines at most, oldest first.</summary>
    public ProcessLogLine[] Last(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            var taken = Math.Min(count, _count);
            var result = new ProcessLogLine[taken];
            var first = (_next - taken + _lines.Length) % Math.Max(_lines.Length, 1);
            for (var i = 0; i < taken; i++)
            {
                result[i] = _lines[(first + i) % _lines.Length];
            }

            return result;
        }
    }
}
