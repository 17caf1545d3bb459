using ActorIpc.Cli.Benchmarks.Processes;
using ActorIpc.Hosting;
using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;

namespace ActorIpc.Cli.Benchmarks.Remote;

/// <summary>
/// The second process of a two-process benchmark (<c>actoripc bench-node</c>): it serves the
/// actors or the raw echo server the bench process measures against, prints
/// <c>READY ADDRESS</c>, and lives until its standard input closes.
/// </summary>
internal static class BenchNode
{
    public const string ReadyPrefix = "READY ";

    /// <summary>
    /// How long the actor node tries to leave the cluster gracefully once its standard input has
    /// closed. With the bench process's node there to see it go, leaving takes 0.1–0.2 s here;
    /// when the bench process has died, nobody answers, and Akka's coordinated shutdown would
    /// wait out its cluster-exiting phase (10 s) before the process could end.
    /// </summary>
    private static readonly TimeSpan LeaveTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Echo actors <c>/user/echo-0</c> … <c>echo-63</c>: one per pingpong client, at most 64 clients.</summary>
    public const int EchoCount = 64;

    public const string SinkName = "sink";

    /// <summary>Answers with the node's count of compiled methods (a <see cref="ProbeActor"/>).</summary>
    public const string JitName = "jit";

    /// <summary>Answers with the bytes the node process has allocated so far (a <see cref="ProbeActor"/>).</summary>
    public const string AllocatedName = "allocated";

    /// <summary>An echo like <c>echo-0</c>, registered under <see cref="EchoKey"/>: what <c>invoke</c> calls by key.</summary>
    public const string KeyedEchoName = "echo-callee";

    /// <summary>The name the node publishes an <see cref="EchoObject"/> under, as an <see cref="IEcho"/>: what <c>invoke-proxy</c> calls through a proxy.</summary>
    public const string EchoObjectName = "bench-echo-object";

    /// <summary>Registers and deregisters a callee under <see cref="RegistrationKey"/> on request (a <see cref="RegistrarActor"/>).</summary>
    public const string RegistrarName = "registrar";

    /// <summary>With <c>--pubsub</c>: a <see cref="PidEcho"/> put in Akka's DistributedPubSub, which <c>failover</c>'s Akka baseline calls by this path.</summary>
    public const string PubSubEchoPath = "/user/pubsub-pid-echo";

    /// <summary>The key of the node's keyed echo; its calls are <see cref="int"/>s, as <c>remote-ask</c>'s Asks are.</summary>
    public static readonly ServiceKey<int> EchoKey = new("bench-echo");

    /// <summary>The key the registrar registers under, whose registrations the bench process times.</summary>
    public static readonly ServiceKey<int> RegistrationKey = new("bench-registration");

    public static string EchoName(int index) => $"echo-{index}";

    /// <summary>
    /// Makes this process a node of the bench process's cluster (<paramref name="seed"/> is the
    /// bench process's address), starts the echo, sink, probe and registrar actors (registering
    /// the keyed echo under <see cref="EchoKey"/>), publishes the echo object under
    /// <see cref="EchoObjectName"/>, with <paramref name="pubSub"/> puts a <see cref="PidEcho"/> in
    /// DistributedPubSub at <see cref="PubSubEchoPath"/>, and prints
    /// <c>READY</c> with the node's address once it is Up. When standard input closes it leaves
    /// the cluster and returns.
    /// </summary>
    public static async Task<int> RunActorsAsync(string seed, bool pubSub, TextWriter stdout, CancellationToken cancellationToken)
    {
        var node = await ActorIpcNode.StartAsync(RemoteBenchConfig.Options(seed), cancellationToken).ConfigureAwait(false);
        try
        {
            var system = node.System;
            for (var i = 0; i < EchoCount; i++)
            {
                system.ActorOf(Props.Create(typeof(EchoActor)), EchoName(i));
            }

            system.ActorOf(Props.Create(typeof(SinkActor)), SinkName);
            Receptionist.Get(system).Register(EchoKey, system.ActorOf(Props.Create(typeof(EchoActor)), KeyedEchoName));

            // Published for the node's life: the node's end stops the publication's host with it.
            _ = PublishedObjects.Get(system).Publish<IEcho>(EchoObjectName, new EchoObject());

            if (pubSub)
            {
                var echo = system.ActorOf(Props.Create(typeof(PidEcho)), PubSubEchoPath["/user/".Length..]);
                DistributedPubSub.Get(system).Mediator.Tell(new Put(echo));
            }

            system.ActorOf(Props.Create(typeof(RegistrarActor)), RegistrarName);
            system.ActorOf(Props.Create(typeof(ProbeActor), (Func<long>)WarmUp.Compiled), JitName);
            system.ActorOf(Props.Create(typeof(ProbeActor), (Func<long>)(() => GC.GetTotalAllocatedBytes())), AllocatedName);
            await AnnounceAndWaitAsync(stdout, node.Address.ToString(), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await LeaveAsync(node).ConfigureAwait(false);
        }

        return CliApp.Ok;
    }

    public static async Task<int> RunRawAsync(BenchTransport transport, TextWriter stdout, CancellationToken cancellationToken)
    {
        using var server = RawEchoServer.Start(transport);
        await AnnounceAndWaitAsync(stdout, server.Endpoint.ToString(), cancellationToken).ConfigureAwait(false);
        return CliApp.Ok;
    }

    /// <summary>Leaves the cluster and terminates the node's system, or, if that takes longer than <see cref="LeaveTimeout"/>, aborts the system.</summary>
    private static async Task LeaveAsync(ActorIpcNode node)
    {
        try
        {
            await node.DisposeAsync().AsTask().WaitAsync(LeaveTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Nobody to leave to: stop without the coordinated shutdown's remaining phases.
            ((ExtendedActorSystem)node.System).Abort();
            await node.System.WhenTerminated.ConfigureAwait(false);
        }
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
