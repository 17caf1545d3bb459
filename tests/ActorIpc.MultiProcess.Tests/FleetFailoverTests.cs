using System.Diagnostics;
using ActorIpc.FleetChild;
using Xunit.Abstractions;

namespace ActorIpc.MultiProcess.Tests;

/// <summary>A replica's process killed with SIGKILL while calls go to it every 5 ms.</summary>
public sealed class FleetFailoverTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(5);

    [Fact]
    public async Task SigKill_AReplicaUnderLoad_NoCallIsLostAndTheReplicaServesAgain()
    {
        await using var parent = await FleetParent.StartAsync("actoripc.processes.echo.replicas = 2");
        await parent.Fleet.StartAsync().WaitAsync(Patience);
        var victim = parent.Fleet.Status.Find("echo", 0)!.ProcessId!.Value;
        var survivor = parent.Fleet.Status.Find("echo", 1)!.ProcessId!.Value;
        var plain = new CallLoad(parent.Invoker, new ServiceKey<string>(ChildConfig.EchoKey), Pace);
        var idempotent = new CallLoad(parent.Invoker, new ServiceKey<string>(ChildConfig.IdempotentKey), Pace);
        plain.Start();
        idempotent.Start();
        await Task.WhenAll(plain.FirstAnswerFromAsync(victim), plain.FirstAnswerFromAsync(survivor), idempotent.FirstAnswerFromAsync(victim)).WaitAsync(Patience);

        // 2 × 200 calls/s shared by two replicas: each answers about 200 a second.
        var loaded = await parent.WaitForAsync(s => s.Replicas.All(r => r.CallsPerSecond > 50), Patience);
        output.WriteLine($"calls/s before the kill: {string.Join(", ", loaded.Replicas.Select(r => $"{r.Label} {r.CallsPerSecond:0}"))}");
        Assert.All(loaded.Replicas, r => Assert.InRange(r.CallsPerSecond!.Value, 50, 1000));

        var killed = Stopwatch.GetTimestamp();
        var killedAt = DateTimeOffset.UtcNow;
        Assert.True(OsProcess.Signal(victim, OsProcess.SigKill));
        var back = await parent.WaitForAsync(s => s.Find("echo", 0) is { State: ReplicaState.Ready, ProcessId: { } pid } && pid != victim, Patience);
        var replacement = back.Find("echo", 0)!.ProcessId!.Value;
        var serving = await plain.FirstAnswerFromAsync(replacement).WaitAsync(Patience);
        await idempotent.FirstAnswerFromAsync(replacement).WaitAsync(Patience);
        var plainCalls = await plain.StopAsync(Patience);
        var idempotentCalls = await idempotent.StopAsync(Patience);

        // Every call ended: answered, or failed with an error that says the callee's process went away.
        var failed = plainCalls.Where(c => c.Error is not null).ToArray();
        Assert.All(failed, c =>
        {
            var error = Assert.IsType<CalleeTerminatedException>(c.Error);
            Assert.Equal(victim, error.CalleeProcessId);
        });
        Assert.All(idempotentCalls, c => Assert.Null(c.Error));

        var exit = back.Find("echo", 0)!.LastExit!;
        Assert.Equal(victim, exit.ProcessId);
        Assert.Equal(9, exit.Signal);
        Assert.Equal("it exited by itself", exit.Cause);

        // Routing stopped going to the dead process once the last call to it had failed; the
        // replacement answered its first call at `serving`.
        var rerouted = failed.Length == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(killed, failed.Max(c => c.Ended));
        var lastToVictim = plainCalls.Concat(idempotentCalls).Where(c => c.ProcessId == victim).Max(c => c.Started);
        var restarted = Stopwatch.GetElapsedTime(killed, serving);
        output.WriteLine($"calls: {plainCalls.Length} plain ({failed.Length} failed), {idempotentCalls.Length} idempotent (all answered)");
        output.WriteLine($"kill -> last failed call ended: {rerouted.TotalMilliseconds:0} ms; last call answered by the dead process started {Stopwatch.GetElapsedTime(lastToVictim, killed).TotalMilliseconds:0} ms before the kill");
        output.WriteLine($"kill -> the supervisor saw the exit: {(exit.At - killedAt).TotalMilliseconds:0} ms");
        output.WriteLine($"kill -> the replacement (process {replacement}) answered: {restarted.TotalMilliseconds:0} ms");
        foreach (var line in parent.Fleet.LastLines("echo", 0).Where(l => l.At >= killedAt))
        {
            output.WriteLine($"  +{(line.At - killedAt).TotalMilliseconds:0} ms {line}");
        }

        foreach (var call in failed)
        {
            output.WriteLine($"  failed: {call.Error!.Message}");
        }

        Assert.True(rerouted < TimeSpan.FromSeconds(3), $"calls failed until {rerouted.TotalMilliseconds:0} ms after the kill");
        Assert.True(failed.Length <= 5, $"{failed.Length} calls failed");
    }
}
