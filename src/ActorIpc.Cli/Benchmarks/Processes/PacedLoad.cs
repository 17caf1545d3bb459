using System.Collections.Concurrent;
using System.Diagnostics;

namespace ActorIpc.Cli.Benchmarks.Processes;

/// <summary>
/// Calls at a steady pace, one call each interval whether or not the earlier ones have ended, as
/// requests arriving at a server do; each call answers with the id of the process that served it.
/// Keeps every call, and tells when a process has answered a given number of them.
/// </summary>
internal sealed class PacedLoad
{
    private readonly Func<Task<int>> _call;
    private readonly TimeSpan _interval;
    private readonly ConcurrentQueue<Task<CallRecord>> _calls = new();

    // Per process, when each of its answers came (guarded by itself), and who waits for the nth.
    private readonly Dictionary<int, List<long>> _answers = [];
    private readonly List<(int ProcessId, int Count, TaskCompletionSource<long> Reached)> _waiters = [];
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    /// <param name="call">One call; completes with the id of the process that answered it.</param>
    /// <param name="interval">The time between two calls.</param>
    public PacedLoad(Func<Task<int>> call, TimeSpan interval)
    {
        _call = call;
        _interval = interval;
    }

    public void Start() => _loop = LoopAsync();

    /// <summary>
    /// Completes with the time (a <see cref="Stopwatch"/> timestamp) at which
    /// <paramref name="processId"/> answered its <paramref name="count"/>th call, now or later.
    /// </summary>
    public Task<long> AnsweredAsync(int processId, int count)
    {
        lock (_answers)
        {
            if (_answers.TryGetValue(processId, out var times) && times.Count >= count)
            {
                return Task.FromResult(times[count - 1]);
            }

            var reached = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((processId, count, reached));
            return reached.Task;
        }
    }

    /// <summary>Stops calling; completes with every call once every call has ended.</summary>
    public async Task<CallRecord[]> StopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
        return await Task.WhenAll(_calls).ConfigureAwait(false);
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(_interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                _calls.Enqueue(CallAsync());
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped: the calls made go on to their end.
        }
    }

    private async Task<CallRecord> CallAsync()
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var processId = await _call().ConfigureAwait(false);
            var ended = Stopwatch.GetTimestamp();
            Count(processId, ended);
            return new CallRecord(started, ended, processId, null);
        }
        catch (Exception e)
        {
            return new CallRecord(started, Stopwatch.GetTimestamp(), 0, e);
        }
    }

    private void Count(int processId, long at)
    {
        lock (_answers)
        {
            if (!_answers.TryGetValue(processId, out var times))
            {
                times = [];
                _answers.Add(processId, times);
            }

            times.Add(at);
            var count = times.Count;
            _waiters.RemoveAll(waiter => waiter.ProcessId == processId && waiter.Count <= count && waiter.Reached.TrySetResult(times[waiter.Count - 1]));
        }
    }
}
