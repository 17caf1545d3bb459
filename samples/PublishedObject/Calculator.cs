namespace PublishedObject;

/// <summary>The worker's implementation. Calls may run concurrently; this one keeps no state.</summary>
public sealed class Calculator : ICalculator
{
    public Task<int> AddAsync(int a, int b) => Task.FromResult(a + b);

    public Task<double> DivideAsync(double a, double b) =>
        b == 0
            ? throw new DivideByZeroException($"cannot divide {a} by 0")
            : Task.FromResult(a / b);

    public async Task<Statistics> SummarizeAsync(int[] values, CancellationToken cancellationToken = default)
    {
        // The token is the worker's own: it is cancelled when the object is unpublished.
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        return new Statistics(values.Length, values.Min(), values.Max(), values.Average());
    }

    public ValueTask<int> ProcessIdAsync() => new(Environment.ProcessId);
}
