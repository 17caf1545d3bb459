using Akka.Actor;
using Akka.Event;

namespace ActorIpc;

/// <summary>A replica's life: started, seen, ready, ended, and started again or not.</summary>
internal sealed partial class FleetSupervisor
{
    private void Start(Replica replica)
    {
        replica.Incarnation++;
        replica.State = ReplicaState.Starting;
        replica.Spawning = true;
        replica.Child = null;
        replica.Address = null;
        replica.After = AfterExit.Restart;
        replica.Cause = null;
        replica.KillOnStart = false;
        replica.ResidentBytes = null;
        replica.CallsPerSecond = null;
        replica.LastCount = null;
        replica.PendingProbe = null;
        replica.ProbeFailures = 0;
        replica.Detail = "starting";

        var slot = replica.Slot;
        var incarnation = replica.Incarnation;
        var start = ChildCommand.Create(replica.Settings, replica.Identity, _cluster.SelfAddress.ToString(), _fleet.Secret, _launcher);
        _spawner.StartAsync(start).PipeTo(
            Self,
            success: process => new Spawned(slot, incarnation, process),
            failure: error => new SpawnFailed(slot, incarnation, error));
        Timers.StartSingleTimer(("ready", slot), new ReadyDeadline(slot, incarnation), replica.Settings.ReadyTimeout);
        Publish();
    }

    private void OnSpawned(Spawned spawned)
    {
        var replica = _replicas[spawned.Slot];
        if (replica.Incarnation != spawned.Incarnation)
        {
            // Cannot happen while a start is pending (nothing else starts a new incarnation), but a
            // process nobody supervises must not be left running.
            spawned.Process.Kill(entireProcessTree: true);
            spawned.Process.Dispose();
            return;
        }

        var (name, index, log, fleet) = (replica.Name, replica.Index, replica.Log, _fleet);
        var processId = spawned.Process.Id;
        replica.Spawning = false;
        replica.Child = new ChildProcess(
            spawned.Process,
            (source, text) => fleet.Output(log, new ProcessLogLine(name, index, processId, DateTimeOffset.UtcNow, source, text)));
        replica.Child.Exited.PipeTo(
            Self,
            success: code => new ProcessGone(spawned.Slot, spawned.Incarnation, code),
            failure: _ => new ProcessGone(spawned.Slot, spawned.Incarnation, -1));
        Note(replica, LogLevel.InfoLevel, $"started process {processId}: {string.Join(' ', spawned.Process.StartInfo.ArgumentList.Prepend(spawned.Process.StartInfo.FileName))}");

        // Asked to stop, or to be killed, while it was being started.
        if (replica.KillOnStart)
        {
            replica.Child.Kill();
        }
        else if (replica.State == ReplicaState.Stopping)
        {
            AskToStop(replica);
        }
        else if (_unclaimed.Remove(processId, out var seen))
        {
            Seen(new NodeSeen(seen.Address, processId, seen.Keys));
        }

        if (!_replicas.Any(r => r.Spawning))
        {
            // Whatever no start claimed belongs to other nodes.
            _unclaimed.Clear();
        }

        Publish();
    }

    private void OnSpawnFailed(SpawnFailed failed)
    {
        var replica = _replicas[failed.Slot];
        if (replica.Incarnation != failed.Incarnation)
        {
            return;
        }

        replica.Spawning = false;
        replica.Drained = Task.CompletedTask;
        replica.LastExit = new ProcessExit(null, null, DateTimeOffset.UtcNow, $"could not start {replica.Settings.ProgramPath}: {failed.Error.Message}");
        Note(replica, LogLevel.ErrorLevel, replica.LastExit.Cause);
        Ended(replica);
    }

    // Snapshots that name a process id no replica has yet: a child whose start has not been
    // reported when its node's first snapshot arrives. Only kept while some start is pending.
    private readonly Dictionary<int, NodeSeen> _unclaimed = [];

    private void Seen(NodeSeen seen)
    {
        var replica = _replicas.FirstOrDefault(r => r.Child is { } child && child.Id == seen.ProcessId);
        if (replica is null)
        {
            if (_replicas.Any(r => r.Spawning))
            {
                _unclaimed[seen.ProcessId] = seen;
            }

            return;
        }

        replica.Address = seen.Address;
        if (replica.State != ReplicaState.Starting)
        {
            return;
        }

        var missing = replica.Settings.Keys.Where(key => !seen.Keys.Contains(key)).ToArray();
        if (missing.Length > 0)
        {
            replica.Detail = $"joined as {seen.Address}; waiting for callees of {string.Join(", ", missing)}";
            Publish();
            return;
        }

        replica.State = ReplicaState.Ready;
        replica.Detail = null;
        Timers.Cancel(("ready", replica.Slot));
        if (replica.Settings.Health.Interval is { } interval)
        {
            Timers.StartPeriodicTimer(("probe", replica.Slot), new ProbeTick(replica.Slot, replica.Incarnation), interval);
        }

        var took = DateTimeOffset.UtcNow - replica.Child!.StartedAt;
        Note(replica, LogLevel.InfoLevel, $"ready at {seen.Address}, {Seconds(took)} after it started");
        ReplicaReady(replica);
        Publish();
    }

    private void OnReadyDeadline(ReadyDeadline deadline)
    {
        var replica = _replicas[deadline.Slot];
        if (replica.Incarnation != deadline.Incarnation || replica.State != ReplicaState.Starting)
        {
            return;
        }

        var missing = replica.Address is null
            ? "its node was not seen in the cluster"
            : $"no callee of {string.Join(", ", replica.Settings.Keys)} was registered there";
        var why = $"killed: not ready within {Seconds(replica.Settings.ReadyTimeout)} (ready-timeout): {missing}";
        Note(replica, LogLevel.WarningLevel, why);
        Kill(replica, AfterExit.Restart, why);
    }

    private void OnGone(ProcessGone gone)
    {
        var replica = _replicas[gone.Slot];
        if (replica.Incarnation != gone.Incarnation || replica.Child is not { } child)
        {
            return;
        }

        var exit = new ProcessExit(child.Id, gone.ExitCode, DateTimeOffset.UtcNow, replica.Cause ?? "it exited by itself");
        replica.LastExit = exit;

        // Before anything else: the cluster and the callers must stop counting on it now. Downing
        // the member lets the cluster converge without it (a replacement can join), and the
        // receptionist drops its callees and fails the calls in flight to them at once.
        if (replica.Address is { } address)
        {
            _cluster.Down(address);
            _receptionist.Lose(address, $"its process {child.Id} ({replica.Identity}) {(exit.Signal is { } signal ? $"was killed by {ProcessExit.SignalName(signal)}" : $"exited with code {exit.ExitCode}")}");
        }

        Timers.Cancel(("ready", replica.Slot));
        Timers.Cancel(("stop", replica.Slot));
        Timers.Cancel(("probe", replica.Slot));
        Timers.Cancel(("probe-timeout", replica.Slot));
        replica.Address = null;
        replica.ResidentBytes = null;
        replica.CallsPerSecond = null;
        replica.LastCount = null;
        replica.PendingProbe = null;
        Note(replica, replica.Cause is null ? LogLevel.WarningLevel : LogLevel.InfoLevel, exit.ToString());

        // Its last lines may still be in the pipes: the process object goes once they are read.
        replica.Child = null;
        replica.Drained = child.DrainAsync(DrainPatience).ContinueWith(_ => child.Dispose(), TaskScheduler.Default);
        Ended(replica);
    }

    /// <summary>Its process has ended, or never started: what next.</summary>
    private void Ended(Replica replica)
    {
        var after = _stop is not null ? AfterExit.Stay : replica.After;
        switch (after)
        {
            case AfterExit.Stay:
                replica.State = ReplicaState.Stopped;
                replica.Detail = null;
                ReplicaStopped();
                break;
            case AfterExit.RestartNow:
                replica.Restarts++;
                Start(replica);
                break;
            default:
                ScheduleRestart(replica);
                break;
        }

        Publish();
    }

    private void ScheduleRestart(Replica replica)
    {
        var policy = replica.Settings.Restart;
        var now = DateTimeOffset.UtcNow;
        var recent = replica.Window.Count(now);
        if (recent >= policy.MaxRestarts)
        {
            Fail(replica, policy.MaxRestarts == 0
                ? "it ended and its restart policy allows no restart (restart.max-restarts = 0)"
                : $"it ended again after {recent} restarts within {Seconds(policy.Within)} (restart.max-restarts = {policy.MaxRestarts}, restart.within)");
            return;
        }

        replica.Window.Add(now);
        var delay = Backoff.Delay(policy, recent, Random.Shared.NextDouble());
        replica.State = ReplicaState.BackingOff;
        replica.Detail = $"restarting in {Seconds(delay)}: restart {recent + 1} of at most {policy.MaxRestarts} within {Seconds(policy.Within)}";
        Note(replica, LogLevel.InfoLevel, replica.Detail);
        Timers.StartSingleTimer(("backoff", replica.Slot), new BackoffElapsed(replica.Slot, replica.Incarnation), delay);
    }

    private void OnBackoffElapsed(BackoffElapsed elapsed)
    {
        var replica = _replicas[elapsed.Slot];
        if (replica.Incarnation == elapsed.Incarnation && replica.State == ReplicaState.BackingOff)
        {
            replica.Restarts++;
            Start(replica);
        }
    }

    private void Fail(Replica replica, string why)
    {
        replica.State = ReplicaState.Failed;
        replica.Detail = why;
        Note(replica, LogLevel.ErrorLevel, $"failed: {why}; it stays stopped until the fleet starts again");

        // The error carries the last lines the process printed: made once they have been read.
        var (name, index, exit, log) = (replica.Name, replica.Index, replica.LastExit, replica.Log);
        var waiters = ReplicaFailed(replica);
        replica.Drained.ContinueWith(
            _ =>
            {
                var error = new ReplicaFailedException(name, index, why, exit, log.Last(log.Capacity));
                waiters.ForEach(waiter => waiter.TrySetException(error));
            },
            TaskScheduler.Default);
    }

    /// <summary>Asks the replica's process to stop (its stdin closes), killing it after its stop timeout; <paramref name="after"/> says what follows.</summary>
    private void Retire(Replica replica, AfterExit after, string cause)
    {
        if (!replica.HasProcess)
        {
            // Nothing runs (backing off, stopped or failed): what follows happens now. A new
            // incarnation number voids a pending backoff.
            replica.Incarnation++;
            replica.After = after;
            Ended(replica);
            return;
        }

        replica.After = after;
        replica.Cause ??= cause;
        replica.State = ReplicaState.Stopping;
        replica.Detail = cause;
        if (replica.Child is not null)
        {
            AskToStop(replica);
        }

        Publish();
    }

    private void AskToStop(Replica replica)
    {
        replica.Child!.CloseInput();
        Timers.Cancel(("probe", replica.Slot));
        Timers.StartSingleTimer(("stop", replica.Slot), new StopDeadline(replica.Slot, replica.Incarnation), replica.Settings.StopTimeout);
    }

    private void OnStopDeadline(StopDeadline deadline)
    {
        var replica = _replicas[deadline.Slot];
        if (replica.Incarnation == deadline.Incarnation && replica.Child is { } child)
        {
            replica.Cause = $"{replica.Cause}; killed after its stop-timeout of {Seconds(replica.Settings.StopTimeout)}";
            Note(replica, LogLevel.WarningLevel, $"still running {Seconds(replica.Settings.StopTimeout)} after it was asked to stop (stop-timeout): killing it");
            child.Kill();
        }
    }

    /// <summary>Kills the replica's process now (SIGKILL); <paramref name="after"/> says what follows.</summary>
    private void Kill(Replica replica, AfterExit after, string cause)
    {
        replica.After = after;
        replica.Cause = cause;
        if (replica.Child is { } child)
        {
            child.Kill();
        }
        else if (replica.Spawning)
        {
            replica.KillOnStart = true;
        }
    }
}
