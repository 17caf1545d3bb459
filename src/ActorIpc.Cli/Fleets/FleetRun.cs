using ActorIpc.Configuration;
using ActorIpc.Hocon;
using ActorIpc.Hosting;
using Akka.Actor;

namespace ActorIpc.Cli.Fleets;

/// <summary>
/// <c>actoripc run TOPOLOGY</c>: this process becomes the cluster's seed, serves the fleet's
/// control socket and runs the fleet in the foreground until SIGINT, SIGTERM or <c>actoripc stop</c>,
/// which stop it in order. A topology that is not valid is refused before anything starts.
/// </summary>
internal sealed class FleetRun(string path, string? name, string? controlDirectory, TextWriter stdout, TextWriter stderr)
{
    /// <summary>
    /// Laid over the topology: the fleet prints its children's lines itself (on standard error, or
    /// under the live table), not through the node's log too; and SIGTERM is this command's to take
    /// (<see cref="TerminationSignals"/>), not Akka's process-exit hook's.
    /// </summary>
    private const string Overrides = """
        actoripc.fleet.log-output = off
        akka.coordinated-shutdown.run-by-clr-shutdown-hook = off
        """;

    public async Task<int> RunAsync()
    {
        if (Load() is not { } config)
        {
            return CliApp.InvalidInput;
        }

        var fleetName = name ?? (config.GetString("actoripc.fleet.name") is { Length: > 0 } configured ? configured : Path.GetFileNameWithoutExtension(path));

        var interactive = Terminal.IsInteractive(stdout);
        var recent = new RecentLines(12);
        var options = new NodeOptions
        {
            ConfigFile = path,
            Config = ConfigFactory.ParseString(Overrides, new ConfigParseOptions { Resolve = false, OriginName = "actoripc run" }),
            LoggerFactory = interactive ? new RecentLinesLoggerFactory(recent) : null,
        };

        ActorIpcNode node;
        try
        {
            node = await ActorIpcNode.StartAsync(options).ConfigureAwait(false);
        }
        catch (HoconException e)
        {
            stderr.WriteLine(HoconErrorText.Of(e));
            return CliApp.InvalidInput;
        }
        catch (NodeStartException e)
        {
            stderr.WriteLine($"actoripc: {e.Message}");
            return CliApp.InvalidInput;
        }

        await using (node.ConfigureAwait(false))
        {
            FleetControlServer server;
            try
            {
                server = FleetControlServer.Start(node.System, fleetName, controlDirectory);
            }
            catch (Exception e) when (e is FleetControlException or ArgumentException)
            {
                stderr.WriteLine($"actoripc: {e.Message}");
                return CliApp.InvalidInput;
            }

            await using (server.ConfigureAwait(false))
            {
                return await RunFleetAsync(node, server, interactive, recent).ConfigureAwait(false);
            }
        }
    }

    private Config? Load()
    {
        if (!File.Exists(path))
        {
            stderr.WriteLine($"actoripc: no such file: {path}");
            return null;
        }

        try
        {
            // Parsed and resolved here first, so that a syntax error is told before a node starts.
            return ActorIpcConfig.Load(path);
        }
        catch (HoconException e)
        {
            stderr.WriteLine(HoconErrorText.Of(e));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"actoripc: cannot read {path}: {e.Message}");
        }

        return null;
    }

    private async Task<int> RunFleetAsync(ActorIpcNode node, FleetControlServer server, bool interactive, RecentLines recent)
    {
        var fleet = Fleet.Get(node.System);
        Task starting;
        try
        {
            // Checks each program and working directory before any child starts.
            starting = fleet.StartAsync();
        }
        catch (HoconException e)
        {
            stderr.WriteLine(HoconErrorText.Of(e));
            return CliApp.InvalidInput;
        }

        using var signals = new TerminationSignals();
        using var viewing = new CancellationTokenSource();
        var replicas = fleet.Status.Replicas.Count;
        PlainFleetView? plain = null;
        LiveFleetView? live = null;
        Task view;
        if (interactive)
        {
            live = new LiveFleetView(fleet, server.Name, server.SocketPath, recent);
            view = live.RunAsync(viewing.Token);
        }
        else
        {
            stdout.WriteLine($"fleet {server.Name}: {Count(fleet.ProcessNames.Count, "process", "processes")}, {Count(replicas, "replica", "replicas")}; control socket {server.SocketPath}");
            plain = new PlainFleetView(fleet, stdout, stderr);
            view = plain.RunAsync(viewing.Token);
        }

        var started = ReportStartAsync(starting, server.Name, replicas, plain, live, recent);
        var shutdown = CoordinatedShutdown.Get(node.System);
        if (await Task.WhenAny(signals.Received, node.System.WhenTerminated).ConfigureAwait(false) == signals.Received)
        {
            var signal = await signals.Received.ConfigureAwait(false);
            Say(plain, live, $"fleet {server.Name} stopping ({signal})", "stopping");
            await shutdown.Run(new SignalReason(signal)).ConfigureAwait(false);
        }

        await node.System.WhenTerminated.ConfigureAwait(false);
        await started.ConfigureAwait(false);
        await viewing.CancelAsync().ConfigureAwait(false);
        await view.ConfigureAwait(false);
        plain?.Flush();
        live?.Say("stopped");
        stdout.WriteLine($"fleet {server.Name} stopped ({shutdown.ShutdownReason})");
        return CliApp.Ok;
    }

    /// <summary>Says when every replica is ready, or why one failed; a fleet with a failed replica goes on running the others.</summary>
    private async Task ReportStartAsync(Task starting, string fleetName, int replicas, PlainFleetView? plain, LiveFleetView? live, RecentLines recent)
    {
        try
        {
            await starting.ConfigureAwait(false);
            Say(plain, live, $"fleet {fleetName} ready: {Count(replicas, "replica", "replicas")}", "ready");
        }
        catch (ReplicaFailedException e)
        {
            Say(plain, live, $"fleet {fleetName} started with a failed replica", "started, a replica failed");
            if (live is null)
            {
                stderr.WriteLine($"actoripc: {e.Message}");
            }
            else
            {
                recent.Add(e.Message);
            }
        }
        catch (InvalidOperationException)
        {
            // Stopped before every replica was ready.
        }
    }

    private static string Count(int count, string one, string many) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{count} {(count == 1 ? one : many)}");

    private void Say(PlainFleetView? plain, LiveFleetView? live, string line, string state)
    {
        if (plain is not null)
        {
            plain.Flush();
            stdout.WriteLine(line);
        }

        live?.Say(state);
    }
}
