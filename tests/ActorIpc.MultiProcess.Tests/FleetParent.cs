using ActorIpc.FleetChild;
using ActorIpc.Hocon;
using ActorIpc.Hosting;

namespace ActorIpc.MultiProcess.Tests;

/// <summary>
/// This test process as the parent node of a fleet of <c>ActorIpc.FleetChild</c> processes, with
/// a topology of the test's own over <see cref="Defaults"/>. Disposed, the node shuts down (which
/// stops the fleet in order) and then every child process the fleet ever reported that is still
/// alive is killed: no test leaves a process behind, whatever happened in it.
/// </summary>
public sealed class FleetParent : IAsyncDisposable
{
    /// <summary>Every process serves the echo, registers both keys, and is quick to give up waiting.</summary>
    public const string Defaults = $$"""
        akka.loglevel = WARNING
        akka.stdout-loglevel = WARNING
        actoripc.invoker.keys.{{ChildConfig.IdempotentKey}} { idempotent = on, tries = 3 }
        actoripc.fleet {
          memory-sample-interval = 100ms
          defaults {
            program = "ActorIpc.FleetChild.dll"
            arguments = [ serve ]
            keys = [ {{ChildConfig.EchoKey}}, {{ChildConfig.IdempotentKey}} ]
            stop-timeout = 5s
            restart.min-backoff = 10ms
          }
        }
        """;

    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(30);

    private readonly HashSet<int> _children = [];
    private readonly CancellationTokenSource _watching = new();
    private readonly Task _watcher;

    private FleetParent(ActorIpcNode node)
    {
        Node = node;
        Fleet = Fleet.Get(node.System);
        _watcher = WatchAsync();
    }

    public ActorIpcNode Node { get; }

    public Fleet Fleet { get; }

    public Invoker Invoker => Invoker.Get(Node.System);

    /// <summary>Every process id a replica has had so far.</summary>
    public IReadOnlyCollection<int> Children
    {
        get
        {
            lock (_children)
            {
                return [.. _children];
            }
        }
    }

    public static async Task<FleetParent> StartAsync(string topology)
    {
        var config = ConfigFactory.ParseString(Defaults + "\n" + topology, new ConfigParseOptions { Resolve = false, OriginName = "fleet-test" });
        return new FleetParent(await ActorIpcNode.StartAsync(new NodeOptions { Config = config }));
    }

    /// <summary>Completes with the first status <paramref name="condition"/> accepts, now or later; fails after <paramref name="timeout"/> with the last status and the logs.</summary>
    public async Task<FleetStatus> WaitForAsync(Func<FleetStatus, bool> condition, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        FleetStatus? last = null;
        try
        {
            await foreach (var status in Fleet.WatchStatusAsync(cancel.Token))
            {
                last = status;
                if (condition(status))
                {
                    return status;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        throw new TimeoutException($"the fleet did not reach the expected status within {timeout}; last:\n{Describe(last ?? Fleet.Status)}\n{Logs()}");
    }

    /// <summary>The status and every replica's log, for failure messages.</summary>
    public string Logs() => string.Join(
        '\n',
        Fleet.Status.Replicas.SelectMany(r => Fleet.LastLines(r.Name, r.Replica)).OrderBy(l => l.At).Select(l => $"{l.At:HH:mm:ss.fff} {l}"));

    public static string Describe(FleetStatus status) => string.Join(
        '\n',
        status.Replicas.Select(r => $"{r.Label} {r.State} pid {r.ProcessId} restarts {r.Restarts} last exit {r.LastExit} {r.Detail}"));

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Node.DisposeAsync().AsTask().WaitAsync(ShutdownTimeout);
        }
        finally
        {
            await _watching.CancelAsync();
            await _watcher;
            foreach (var child in Children.Where(pid => OsProcess.IsAlive(pid) && OsProcess.ParentOf(pid) == Environment.ProcessId))
            {
                OsProcess.Signal(child, OsProcess.SigKill);
            }

            _watching.Dispose();
        }
    }

    private async Task WatchAsync()
    {
        try
        {
            await foreach (var status in Fleet.WatchStatusAsync(_watching.Token))
            {
                lock (_children)
                {
                    _children.UnionWith(status.Replicas.Where(r => r.ProcessId is not null).Select(r => r.ProcessId!.Value));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
