using Akka.Event;

namespace ActorIpc;

/// <summary>What the fleet is asked: start every replica, restart a process's replicas one at a time, stop in order.</summary>
internal sealed partial class FleetSupervisor
{
    private readonly List<TaskCompletionSource> _startWaiters = [];
    private readonly Dictionary<string, RollingRestart> _restarts = new(StringComparer.Ordinal);
    private OrderedStop? _stop;
    private bool _advancingStop;

    private void StartAll(StartFleet start)
    {
        if (_stop is not null)
        {
            start.Done.TrySetException(new InvalidOperationException("the fleet is stopping: start it again once StopAsync has completed"));
            return;
        }

        foreach (var replica in _replicas.Where(r => r.State is ReplicaState.Stopped or ReplicaState.Failed))
        {
            // A failed replica gets its whole restart policy again.
            replica.Window.Clear();
            Start(replica);
        }

        _startWaiters.Add(start.Done);
        CheckStarted();
    }

    private void CheckStarted()
    {
        if (_startWaiters.Count > 0 && _replicas.All(r => r.State == ReplicaState.Ready))
        {
            _startWaiters.ForEach(waiter => waiter.TrySetResult());
            _startWaiters.Clear();
        }
    }

    private void Restart(RestartProcess restart)
    {
        if (_stop is not null)
        {
            restart.Done.TrySetException(new InvalidOperationException($"the fleet is stopping: '{restart.Name}' is not restarted"));
            return;
        }

        if (_restarts.TryGetValue(restart.Name, out var running))
        {
            // One rolling restart of a process at a time: a second request is answered by the first.
            running.Waiters.Add(restart.Done);
            return;
        }

        var rolling = new RollingRestart(new Queue<Replica>(_replicas.Where(r => r.Name == restart.Name)));
        rolling.Waiters.Add(restart.Done);
        _restarts.Add(restart.Name, rolling);
        _log.Info("restarting the replicas of '{0}' one at a time", restart.Name);
        RestartNext(restart.Name, rolling);
    }

    private void RestartNext(string name, RollingRestart rolling)
    {
        if (!rolling.Queue.TryDequeue(out var replica))
        {
            _restarts.Remove(name);
            rolling.Waiters.ForEach(waiter => waiter.TrySetResult());
            return;
        }

        rolling.Current = replica;
        replica.Window.Clear();
        Retire(replica, AfterExit.RestartNow, "asked to stop: the process is being restarted");
    }

    private void StopAll(StopFleet stop)
    {
        if (_stop is not null)
        {
            _stop.Waiters.Add(stop.Done);
            return;
        }

        FailWaiters(new InvalidOperationException("the fleet was stopped before this completed"), stopping: false);

        // Processes stop one after the other, the last declared first; the replicas of one together.
        _stop = new OrderedStop(new Queue<string>(_settings.Processes.Select(p => p.Name).Reverse()));
        _stop.Waiters.Add(stop.Done);
        StopNextProcess();
    }

    private void StopNextProcess()
    {
        // A replica with nothing running stops as it is asked, which calls back here: the loop
        // below sees its effect, so the nested call has nothing to do.
        if (_advancingStop)
        {
            return;
        }

        _advancingStop = true;
        try
        {
            AdvanceStop(_stop!);
        }
        finally
        {
            _advancingStop = false;
        }
    }

    private void AdvanceStop(OrderedStop stop)
    {
        while (stop.Current is null || _replicas.Where(r => r.Name == stop.Current).All(r => r.State == ReplicaState.Stopped || (r.State == ReplicaState.Failed && !r.HasProcess)))
        {
            if (!stop.Queue.TryDequeue(out var name))
            {
                _stop = null;
                stop.Waiters.ForEach(waiter => waiter.TrySetResult());
                Publish();
                return;
            }

            stop.Current = name;
            foreach (var replica in _replicas.Where(r => r.Name == name && r.State != ReplicaState.Failed))
            {
                Retire(replica, AfterExit.Stay, "asked to stop: the fleet stops");
            }
        }
    }

    /// <summary>Fails whoever waits for a start or a restart (and for a stop, unless <paramref name="stopping"/> is false) with <paramref name="error"/>.</summary>
    private void FailWaiters(Exception error, bool stopping = true)
    {
        _startWaiters.ForEach(waiter => waiter.TrySetException(error));
        _startWaiters.Clear();
        foreach (var rolling in _restarts.Values)
        {
            rolling.Waiters.ForEach(waiter => waiter.TrySetException(error));
        }

        _restarts.Clear();
        if (stopping && _stop is not null)
        {
            _stop.Waiters.ForEach(waiter => waiter.TrySetException(error));
            _stop = null;
        }
    }

    /// <summary>A replica became ready: the start may be complete, and a rolling restart moves on.</summary>
    private void ReplicaReady(Replica replica)
    {
        CheckStarted();
        if (_restarts.TryGetValue(replica.Name, out var rolling) && rolling.Current == replica)
        {
            RestartNext(replica.Name, rolling);
        }
    }

    /// <summary>A replica gave up: the start, and a rolling restart of its process, are to fail with its error (returned: the waiters).</summary>
    private List<TaskCompletionSource> ReplicaFailed(Replica replica)
    {
        var waiters = new List<TaskCompletionSource>(_startWaiters);
        _startWaiters.Clear();
        if (_restarts.Remove(replica.Name, out var rolling))
        {
            waiters.AddRange(rolling.Waiters);
        }

        return waiters;
    }

    private void ReplicaStopped()
    {
        if (_stop is not null)
        {
            StopNextProcess();
        }
    }

    /// <summary>The replicas of one process still to restart, the one restarting now, and who waits for the end.</summary>
    private sealed class RollingRestart(Queue<Replica> queue)
    {
        public Queue<Replica> Queue { get; } = queue;

        public Replica? Current { get; set; }

        public List<TaskCompletionSource> Waiters { get; } = [];
    }

    /// <summary>The processes still to stop, the one stopping now, and who waits for the end.</summary>
    private sealed class OrderedStop(Queue<string> queue)
    {
        public Queue<string> Queue { get; } = queue;

        public string? Current { get; set; }

        public List<TaskCompletionSource> Waiters { get; } = [];
    }
}
