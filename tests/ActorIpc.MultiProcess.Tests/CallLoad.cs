using System.Collections.Concurrent;
using System.Diagnostics;

namespace ActorIpc.MultiProcess.Tests;

/// <summary>
/// Calls a key at a steady pace (one call each interval, not waiting for the previous one) until
/// stopped, and keeps every call's outcome: the process that answered (the echo's answer starts
/// with <c>NAME#REPLICA:PID:</c>) or the exception it ended with.
/// </summary>
internal sealed class CallLoad
{
    private readonly Invoker _invoker;
    private readonly ServiceKey<string> _key;
    private readonly TimeSpan _interval;
    private readonly ConcurrentBag<Task<Outcome>> _calls = [];
    private readonly ConcurrentDictionary<int, TaskCompletionSource<long>> _firstAnswers = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public CallLoad(Invoker invoker, ServiceKey<string> key, TimeSpan interval)
    {
        _invoker = invoker;
        _key = key;
        _interval = interval;
    }

    public void Start() => _loop = RunAsync();

    /// <summary>Completes with the time (a <see cref="Stopwatch"/> timestamp) of the first answer from <paramref name="processId"/>.</summary>
    public Task<long> FirstAnswerFromAsync(int processId) => FirstAnswer(processId).Task;

    /// <summary>Stops calling and returns every call's outcome, once every call has ended.</summary>
    public async Task<Outcome[]> StopAsync(TimeSpan patience)
    {
        await _stop.CancelAsync();
        await _loop!;
        _stop.Dispose();
        return await Task.WhenAll(_calls).WaitAsync(patience);
    }

    private TaskCompletionSource<long> FirstAnswer(int processId) =>
        _firstAnswers.GetOrAdd(processId, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));

    private async Task RunAsync()
    {
        using var timer = new PeriodicTimer(_interval);
        var sent = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                _calls.Add(CallAsync($"call {sent++}"));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task<Outcome> CallAsync(string text)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var answer = await _invoker.Ask<string>(_key, text);
            var processId = int.Parse(answer.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);
            var ended = Stopwatch.GetTimestamp();
            FirstAnswer(processId).TrySetResult(ended);
            return new Outcome(started, ended, processId, null);
        }
        catch (Exception e)
        {
            return new Outcome(started, Stopwatch.GetTimestamp(), null, e);
        }
    }

    /// <summary>One call: when it started and ended (timestamps), and who answered or what it threw.</summary>
    public sealed record Outcome(long Started, long Ended, int? ProcessId, Exception? Error);
}
