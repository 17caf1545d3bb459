namespace ActorIpc.Tests.Processes.Control;

/// <summary>What the control socket's <c>invoke</c> tests call.</summary>
public interface ICalc
{
    Task<int> AddAsync(int a, int b);

    /// <summary>Throws <see cref="InvalidOperationException"/> with <paramref name="why"/>.</summary>
    Task<int> FailAsync(string why);

    /// <summary>Never answers: the call ends by its timeout.</summary>
    Task<int> HangAsync();
}

/// <summary>The published <see cref="ICalc"/>.</summary>
public sealed class Calc : ICalc
{
    private readonly TaskCompletionSource<int> _never = new();

    public Task<int> AddAsync(int a, int b) => Task.FromResult(a + b);

    public Task<int> FailAsync(string why) => throw new InvalidOperationException(why);

    public Task<int> HangAsync() => _never.Task;
}
