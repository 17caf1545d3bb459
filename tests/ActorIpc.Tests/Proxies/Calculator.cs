using ActorIpc.Tests.Proxies.Contracts;

namespace ActorIpc.Tests.Proxies;

public sealed class Calculator : ICalculator, IConverter
{
    private readonly List<string> _entries = [];
    private int _count;

    public IReadOnlyList<string> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public Task<int> AddAsync(int a, int b) => Task.FromResult(a + b);

    public Task<double> AddAsync(double a, double b) => Task.FromResult(a + b + 0.5);

    public Task<string> AddAsync(string a, string b) => Task.FromResult(a + "+" + b);

    public async Task<int> DivideAsync(int a, int b)
    {
        await Task.Yield();
        return a / b;
    }

    public async Task RecordAsync(string entry)
    {
        await Task.Yield();
        lock (_entries)
        {
            _entries.Add(entry);
        }
    }

    public ValueTask<int> CountAsync() => new(Interlocked.Increment(ref _count));

    public async ValueTask ResetAsync()
    {
        await Task.Yield();
        Interlocked.Exchange(ref _count, 0);
    }
}
