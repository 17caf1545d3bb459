using ActorIpc.Tests.Proxies.Contracts;
using Akka.Actor;

namespace ActorIpc.Tests.Proxies;

/// <summary>Tells <paramref name="watcher"/> what it holds and when its token is cancelled.</summary>
public sealed class WorkService(IActorRef watcher) : IWorkService
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _bothMet = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _met;

    public void Release() => _release.TrySetResult();

    public async Task<string> HoldAsync(string text, CancellationToken cancellationToken)
    {
        watcher.Tell($"holds {text}");
        // Held until the publisher's token is cancelled: a task that only the token ends.
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (cancellationToken.Register(() => cancelled.TrySetResult()))
        {
            await cancelled.Task;
        }

        watcher.Tell($"cancelled {text}");
        return "cancelled";
    }

    public async Task<string> WaitForReleaseAsync(string text)
    {
        watcher.Tell($"holds {text}");
        await _release.Task;
        return $"released {text}";
    }

    public async Task<string> MeetAsync(string who)
    {
        if (Interlocked.Increment(ref _met) == 2)
        {
            _bothMet.TrySetResult();
        }

        await _bothMet.Task;
        return $"{who} met";
    }

    public async Task FailAsync(string reason, int code)
    {
        await Task.Yield();
        throw new LedgerException(reason) { Code = code };
    }

    public async Task GiveUpAsync(string reason)
    {
        await Task.Yield();
        throw new OperationCanceledException(reason);
    }

    public Task<int> ThrowAtOnceAsync() => throw new InvalidOperationException("thrown before any task");
}
