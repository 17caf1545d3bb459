using System.Diagnostics;
using Akka.Actor;
using Akka.Event;

namespace ActorIpc;

/// <summary>A ready replica's health probes, and every running replica's memory.</summary>
internal sealed partial class FleetSupervisor
{
    // Probes in flight, by the id their Identify carries, to the replica they probe.
    private readonly Dictionary<long, int> _probes = [];
    private long _lastProbe;

    private void OnProbeTick(ProbeTick tick)
    {
        var replica = _replicas[tick.Slot];
        if (replica.Incarnation != tick.Incarnation || replica.State != ReplicaState.Ready || replica.PendingProbe is not null || replica.Address is not { } address)
        {
            return;
        }

        // Identify is answered by the actor's cell itself, in the child's actor system: an answer
        // says the child's dispatcher and remoting work, whatever its own actors do.
        var probe = ++_lastProbe;
        replica.PendingProbe = probe;
        _probes[probe] = replica.Slot;
        Context.ActorSelection(new RootActorPath(address) / "system" / Receptionist.ActorName).Tell(new Identify(probe), Self);
        Timers.StartSingleTimer(("probe-timeout", replica.Slot), new ProbeTimeout(replica.Slot, replica.Incarnation, probe), replica.Settings.Health.Timeout);
    }

    private void OnProbeAnswer(ActorIdentity answer)
    {
        if (answer.MessageId is long probe && _probes.Remove(probe, out var slot) && _replicas[slot].PendingProbe == probe)
        {
            var replica = _replicas[slot];
            replica.PendingProbe = null;
            replica.ProbeFailures = 0;
            Timers.Cancel(("probe-timeout", slot));
        }
    }

    private void OnProbeTimeout(ProbeTimeout timeout)
    {
        var replica = _replicas[timeout.Slot];
        _probes.Remove(timeout.Probe);
        if (replica.Incarnation != timeout.Incarnation || replica.PendingProbe != timeout.Probe)
        {
            return;
        }

        replica.PendingProbe = null;
        replica.ProbeFailures++;
        var health = replica.Settings.Health;
        if (replica.ProbeFailures < health.Failures)
        {
            Note(replica, LogLevel.WarningLevel, $"health probe {replica.ProbeFailures} of {health.Failures} unanswered within {Seconds(health.Timeout)}");
            return;
        }

        var why = $"killed: hung, {health.Failures} health probes in a row unanswered within {Seconds(health.Timeout)} each";
        Note(replica, LogLevel.WarningLevel, why);
        Kill(replica, AfterExit.Restart, why);
    }

    /// <summary>The calls from this process the replica answered per second since the last sample.</summary>
    private void CountCalls(Replica replica)
    {
        if (replica.Address is not { } address)
        {
            return;
        }

        var (answered, now) = (_invoker.AnsweredAt(address), Stopwatch.GetTimestamp());
        if (replica.LastCount is { } last && answered >= last.Answered)
        {
            replica.CallsPerSecond = (answered - last.Answered) / Stopwatch.GetElapsedTime(last.At, now).TotalSeconds;
        }

        replica.LastCount = (answered, now);
    }

    /// <summary>Reads every running replica's resident memory; one over its limit is restarted, gracefully.</summary>
    private void Sample()
    {
        var sampled = false;
        foreach (var replica in _replicas)
        {
            if (replica.Child is not { } child)
            {
                continue;
            }

            sampled = true;
            replica.ResidentBytes = ResidentMemory.Read(child.Id);
            CountCalls(replica);
            if (replica.Settings.MemoryLimit is { } limit && replica.ResidentBytes > limit && replica.State is ReplicaState.Starting or ReplicaState.Ready)
            {
                var why = $"resident memory {ResidentMemory.Format(replica.ResidentBytes.Value)} is over its memory-limit of {ResidentMemory.Format(limit)}: asked to stop, to be restarted";
                Note(replica, LogLevel.WarningLevel, why);
                Retire(replica, AfterExit.Restart, why);
            }
        }

        if (sampled)
        {
            Publish();
        }
    }
}
