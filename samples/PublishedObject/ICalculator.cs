namespace PublishedObject;

/// <summary>
/// What the worker publishes and the parent calls: an interface shared by both processes. Every
/// method returns a task; a trailing CancellationToken cancels the caller's wait.
/// </summary>
public interface ICalculator
{
    Task<int> AddAsync(int a, int b);

    Task<double> DivideAsync(double a, double b);

    Task<Statistics> SummarizeAsync(int[] values, CancellationToken cancellationToken = default);

    ValueTask<int> ProcessIdAsync();
}
