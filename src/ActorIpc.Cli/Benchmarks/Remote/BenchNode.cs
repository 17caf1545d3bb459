using ActorIpc.Remote;

namespace ActorIpc.Cli.Benchmarks.Remote;

/// <summary>
/// The second process of a two-process benchmark (<c>actoripc bench-node</c>): it serves the
/// actors or the raw echo server the bench process measures against, prints
/// <c>READY ADDRESS</c>, and lives until its standard input closes.
/// </summary>
internal static class BenchNode
{
    public const string ReadyPrefix = "READY ";

    /// <summary>Echo actors <c>/user/echo-0</c> … <c>echo-63</c>: one per pingpong client, at most 64 clients.</summary>
    public const int EchoCount = 64;

    public const string SinkName = "sink";

    /// <summary>Answers with the node's count of compiled methods (a <see cref="ProbeActor"/>).</summary>
    public const string JitName = "jit";

    /// <summary>Answers with the bytes the node process has allocated so far (a <see cref="ProbeActor"/>).</summary>
    public const string AllocatedName = "allocated";

    public static string EchoName(int index) => $"echo-{index}";

    public static async Task<int> RunActorsAsync(BenchTransport transport, TextWriter stdout, CancellationToken cancellationToken)
    {
        var system = ActorSystem.Create("node", RemoteBenchConfig.For(transport));
        Remoting? remoting = null;
        try
        {
            remoting = await Remoting.StartAsync(system, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < EchoCount; i++)
            {
                system.ActorOf(Props.Create<EchoActor>(), EchoName(i));
            }

            system.ActorOf(Props.Create<SinkActor>(), SinkName);
            system.ActorOf(Props.Create(() => new ProbeActor(WarmUp.Compiled)), JitName);
            system.ActorOf(Props.Create(() => new ProbeActor(() => GC.GetTotalAllocatedBytes())), AllocatedName);
            await AnnounceAndWaitAsync(stdout, remoting.Address.ToString(), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await system.DisposeAsync().ConfigureAwait(false);

            // Remoting stops when its system terminates, but in the background: awaited here, it
            // removes its socket file before the process exits.
            if (remoting is not null)
            {
                await remoting.DisposeAsync().ConfigureAwait(false);
            }
        }

        return CliApp.Ok;
    }

    public static async Task<int> RunRawAsync(BenchTransport transport, TextWriter stdout, CancellationToken cancellationToken)
    {
        using var server = RawEchoServer.Start(transport);
        await AnnounceAndWaitAsync(stdout, server.Endpoint.ToString(), cancellationToken).ConfigureAwait(false);
        return CliApp.Ok;
    }

    private static async Task AnnounceAndWaitAsync(TextWriter stdout, string address, CancellationToken cancellationToken)
    {
        stdout.WriteLine(ReadyPrefix + address);
        stdout.Flush();

        // The node lives as long as the bench process holds the other end of its stdin: a bench
        // process that ends, or dies, closes it. Console.In reads synchronously, hence the thread;
        // a blocked read ignores cancellation, so the wait (not the read) observes it, and SIGTERM
        // still ends the node while the bench process keeps stdin open.
        await Task.Run(() => Console.In.ReadToEnd(), CancellationToken.None).WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
