using System.Collections.Concurrent;
using System.Diagnostics;

namespace ActorIpc;

/// <summary>
/// Starts the fleet's children from one dedicated, long-lived thread. Linux's parent-death signal
/// (<c>setpriv --pdeathsig</c>) fires when the <em>thread</em> that forked the child exits, not the
/// process, and .NET forks on the thread that calls <see cref="Process.Start()"/>: a child started
/// from a thread-pool thread would be killed whenever the pool retires that thread. This thread
/// lives until the fleet ends, after its children.
/// </summary>
internal sealed class Spawner : IDisposable
{
    private readonly BlockingCollection<(ProcessStartInfo Start, TaskCompletionSource<Process> Started)> _queue = new();

    public Spawner()
    {
        var thread = new Thread(Run) { IsBackground = true, Name = "actoripc-fleet-spawner" };
        thread.Start();
    }

    /// <summary>Starts a process on the spawner's thread; the task fails with what <see cref="Process.Start(ProcessStartInfo)"/> threw.</summary>
    public Task<Process> StartAsync(ProcessStartInfo start)
    {
        var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            _queue.Add((start, started));
        }
        catch (InvalidOperationException)
        {
            started.SetException(new ObjectDisposedException(nameof(Spawner), "the fleet has ended: it starts no more processes"));
        }

        return started.Task;
    }

    /// <summary>Ends the thread once the queue is empty. Call it only when the children are gone: they die with the thread.</summary>
    public void Dispose() => _queue.CompleteAdding();

    private void Run()
    {
        foreach (var (start, started) in _queue.GetConsumingEnumerable())
        {
            try
            {
                started.SetResult(Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start"));
            }
            catch (Exception e)
            {
                started.SetException(e);
            }
        }

        _queue.Dispose();
    }
}
