namespace ActorIpc.Remote.Detection;

/// <summary>A sliding window of heartbeat intervals (milliseconds) with running mean and variance.</summary>
internal sealed class HeartbeatHistory(int maxSampleSize)
{
    private readonly double[] _samples = new double[maxSampleSize];
    private int _count;
    private int _next;
    private double _sum;
    private double _squares;

    public double Mean => _count == 0 ? 0 : _sum / _count;

    public double StdDeviation
    {
        get
        {
            if (_count == 0)
            {
                return 0;
            }

            var mean = Mean;
            return Math.Sqrt(Math.Max(0, (_squares / _count) - (mean * mean)));
        }
    }

    public void Add(double interval)
    {
        if (_count == _samples.Length)
        {
            var evicted = _samples[_next];
            _sum -= evicted;
            _squares -= evicted * evicted;
        }
        else
        {
            _count++;
        }

        _samples[_next] = interval;
        _sum += interval;
        _squares += interval * interval;
        _next = (_next + 1) % _samples.Length;
    }
}
