using System.Collections.Concurrent;
using System.Diagnostics;
using ActorIpc;

namespace WorkerPool;

/// <summary>
/// Calls a key at a steady pace, one call each interval without waiting for the previous one (as
/// requests arriving at a server would), and keeps every call's outcome.
/// </summary>
public sealed class PacedCalls(Invoker invoker, ServiceKey<IPoolJob> key, TimeSpan interval)
{
    private readonly ConcurrentQueue<Task<CallOutcome>> _calls = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<long>> _firstAnswers = new();
    private readonly Dictionary<int, int> _answered = [];
    private readonly List<(int ProcessId, int Count, TaskCompletionSource Reached)> _waiters = [];
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    public void Start() => _loop = RunAsync();

    /// <summary>Completes with the time (a <see cref="Stopwatch"/> timestamp) at which <paramref name="processId"/> first answered.</summary>
    public Task<long> FirstAnswerFromAsync(int processId) => FirstAnswer(processId).Task;

    /// <summary>Completes once <paramref name="processId"/> has answered <paramref name="count"/> calls.</summary>
    public Task AnsweredAsync(int processId, int count)
    {
        lock (_answered)
        {
            if (_answered.GetValueOrDefault(processId) >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((processId, count, reached));
            return reached.Task;
        }
    }

    /// <summary>The outcomes of the calls started before <paramref name="timestamp"/>, once they have all ended.</summary>
    public async Task<CallOutcome[]> StartedBeforeAsync(long timestamp)
    {
        var made = await Task.WhenAll(_calls.ToArray());
        return [.. made.Where(c => c.Started < timestamp)];
    }

    /// <summary>Stops calling; returns every call's outcome once every call has ended.</summary>
    public async Task<CallOutcome[]> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
        return await Task.WhenAll(_calls);
    }

    private TaskCompletionSource<long> FirstAnswer(int processId) =>
        _firstAnswers.GetOrAdd(processId, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));

    private void Count(int processId)
    {
        lock (_answered)
        {
            var count = _answered[processId] = _answered.GetValueOrDefault(processId) + 1;
            _waiters.RemoveAll(waiter =>
            {
                var reached = waiter.ProcessId == processId && count >= waiter.Count;
                if (reached)
                {
                    waiter.Reached.TrySetResult();
                }

                return reached;
            });
        }
    }

    private async Task RunAsync()
    {
        using var timer = new PeriodicTimer(interval);
        var number = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                _calls.Enqueue(CallAsync(new CountPrimes(1000 + (number++ % 100))));
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    private async Task<CallOutcome> CallAsync(CountPrimes job)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var done = await invoker.Ask<JobDone>(key, job);
            var ended = Stopwatch.GetTimestamp();
            FirstAnswer(done.ProcessId).TrySetResult(ended);
            Count(done.ProcessId);
            return new CallOutcome(started, ended, done.ProcessId, null);
        }
        catch (Exception e)
        {
            return new CallOutcome(started, Stopwatch.GetTimestamp(), null, e);
        }
    }
}
