using System.Text.Json;
using ActorIpc.Configuration;
using ActorIpc.Hocon;
using ActorIpc.Serialization;
using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Cluster;
using Akka.Hosting.Logging;

namespace ActorIpc.Hosting;

/// <summary>
/// A process as a node of the application's cluster: an Akka.NET <see cref="ActorSystem"/> made
/// from the node's HOCON configuration, with Akka.Remote listening on the configured host (by
/// default 127.0.0.1, on a port the operating system picks) and the cluster provider, joined to
/// the cluster and Up. Dispose it to leave the cluster and terminate the system.
/// </summary>
public sealed class ActorIpcNode : IAsyncDisposable
{
    private const string LoggerFactoryLogger = "Akka.Hosting.Logging.LoggerFactoryLogger, Akka.Hosting";

    private ActorIpcNode(ActorSystem system, Config config, NodeSettings settings)
    {
        System = system;
        Config = config;
        Settings = settings;
    }

    /// <summary>The node's actor system.</summary>
    public ActorSystem System { get; }

    /// <summary>The node's resolved configuration, every default included.</summary>
    public Config Config { get; }

    /// <summary>The node's settings (<c>actoripc.node</c>).</summary>
    public NodeSettings Settings { get; }

    /// <summary>The cluster this node is a member of.</summary>
    public Cluster Cluster => Cluster.Get(System);

    /// <summary>The address other nodes reach this one at (with the port the system bound).</summary>
    public Address Address => Cluster.SelfAddress;

    /// <summary>
    /// Makes this process a node: loads the configuration, starts the actor system, and joins the
    /// cluster (the seed joins itself), returning once this node is Up.
    /// </summary>
    /// <param name="options">The configuration file, overrides, seed and logging; <see langword="null"/>: the defaults.</param>
    /// <param name="cancellationToken">Stops waiting for the join; the half-started system is terminated.</param>
    /// <returns>The started node.</returns>
    /// <exception cref="HoconException">The configuration is invalid; the message names file, line, column and path.</exception>
    /// <exception cref="NodeStartException">The node was not Up within <c>actoripc.node.join-timeout</c>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<ActorIpcNode> StartAsync(NodeOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new NodeOptions();
        cancellationToken.ThrowIfCancellationRequested();
        var (config, settings) = Prepare(options);

        var setup = BootstrapSetup.Create().WithConfig(config.ToAkkaConfig());
        var actorSystemSetup = options.LoggerFactory is null
            ? ActorSystemSetup.Create(setup, new ActorIpcConfigSetup(config))
            : ActorSystemSetup.Create(setup, new ActorIpcConfigSetup(config), new LoggerFactorySetup(options.LoggerFactory));
        var system = ActorSystem.Create(settings.SystemName, actorSystemSetup);
        var node = new ActorIpcNode(system, config, settings);
        StartNodeServices(system, config, settings);
        try
        {
            await node.JoinAsync(cancellationToken).ConfigureAwait(false);
            return node;
        }
        catch
        {
            await system.Terminate().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Leaves the cluster gracefully and terminates the actor system (Akka's coordinated shutdown).</summary>
    /// <returns>A task that completes when the system has terminated.</returns>
    public async ValueTask DisposeAsync()
    {
        await CoordinatedShutdown.Get(System).Run(CoordinatedShutdown.ClusterLeavingReason.Instance).ConfigureAwait(false);
        await System.WhenTerminated.ConfigureAwait(false);
    }

    /// <summary>The configuration a node starts from: the overrides over the file over the defaults.</summary>
    internal static Config LoadConfig(NodeOptions options) => LoadConfig(options, ChildIdentity.Current());

    /// <summary>
    /// The configuration a node starts from, for a process that <paramref name="identity"/> says a
    /// fleet started (<see langword="null"/>: not supervised): the roles its parent gave it win over
    /// every other layer.
    /// </summary>
    internal static Config LoadConfig(NodeOptions options, ChildIdentity? identity)
    {
        var unresolved = ActorIpcConfig.Unresolved;
        var user = options.Config ?? Config.Empty;
        if (options.ConfigFile is not null)
        {
            user = user.WithFallback(ConfigFactory.ParseFile(options.ConfigFile, unresolved));
        }

        if (identity is { Roles.Count: > 0 })
        {
            // A JSON array is a HOCON array: the roles arrive quoted, whatever they hold.
            var roles = $"actoripc.node.roles = {JsonSerializer.Serialize(identity.Roles)}";
            user = ConfigFactory.ParseString(roles, unresolved with { OriginName = ChildIdentity.RolesVariable }).WithFallback(user);
        }

        if (options.Secret is not null)
        {
            // A JSON string is a HOCON string: the secret arrives quoted, whatever it holds.
            var secret = $"{ClusterSecret.Path} = {JsonSerializer.Serialize(options.Secret)}";
            user = ConfigFactory.ParseString(secret, unresolved with { OriginName = "NodeOptions.Secret" }).WithFallback(user);
        }

        if (options.LoggerFactory is not null)
        {
            // Akka's logging goes through the factory, instead of Akka's standard-output logger.
            user = ConfigFactory.ParseString($"akka.loggers = [\"{LoggerFactoryLogger}\"]", unresolved with { OriginName = "NodeOptions.LoggerFactory" })
                .WithFallback(user);
        }

        return ActorIpcConfig.WithDefaults(user);
    }

    /// <summary>
    /// Reads every section of ActorIpc's settings once, so that a bad value is reported with its
    /// file and line before Akka starts, rather than by the extension that reads it first (the
    /// serializers read Akka's copy of the configuration, which has no positions).
    /// </summary>
    internal static void CheckSettings(Config config)
    {
        SerializationSettings.Create(config);
        InvokerSettings.Create(config);
        MessengerSettings.Create(config);
        PublishedObjectsSettings.Create(config);
        SupervisedSettings.Create(config);
        FleetSettings.Create(config);
    }

    /// <summary>
    /// What every way of starting a node does before its actor system exists: loads the
    /// configuration, reads the node's settings, gives a fleet's parent a secret when it has none
    /// (<see cref="ClusterSecret.EnsureForFleet"/>), and checks every section.
    /// </summary>
    /// <exception cref="HoconException">A setting is invalid; the message names its path and position.</exception>
    internal static (Config Config, NodeSettings Settings) Prepare(NodeOptions options)
    {
        var config = LoadConfig(options);
        var settings = NodeSettings.Create(config, options.Seed);
        config = ClusterSecret.EnsureForFleet(config, settings);
        CheckSettings(config);
        return (config, settings);
    }

    /// <summary>
    /// What every way of starting a node does once its actor system exists, before it joins: in a
    /// process a fleet started, ends the node when the parent closes its standard input
    /// (<see cref="ParentWatch"/>); and starts the node's admission gate (<see cref="Admission"/>).
    /// </summary>
    internal static void StartNodeServices(ActorSystem system, Config config, NodeSettings settings)
    {
        if (ChildIdentity.Current() is { } identity)
        {
            ParentWatch.Start(system, identity, SupervisedSettings.Create(config));
        }

        Admission.StartGate(system, ClusterSecret.Read(config), settings.Seed);
    }

    /// <summary>Joins the cluster of <paramref name="seed"/>, or forms one when there is no seed.</summary>
    internal static void Join(Cluster cluster, Address? seed)
    {
        if (seed is not null)
        {
            cluster.JoinSeedNodes([seed]);
        }
        else
        {
            cluster.Join(cluster.SelfAddress);
        }
    }

    /// <summary>
    /// For a node with a secret that joins a seed: has the seed admit it (<see cref="Admission"/>)
    /// before it joins. Nothing for a seed, or a node without a secret.
    /// </summary>
    /// <exception cref="NodeStartException">The seed refused the node, or does not know its secret.</exception>
    /// <exception cref="TimeoutException">The seed did not answer in time.</exception>
    internal static Task AdmitAsync(ActorSystem system, Config config, NodeSettings settings, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var secret = ClusterSecret.Read(config);
        return settings.Seed is { } seed && secret.Length > 0
            ? Admission.RequestAsync(system, seed, secret, Cluster.Get(system).SelfAddress, timeout, cancellationToken)
            : Task.CompletedTask;
    }

    private async Task JoinAsync(CancellationToken cancellationToken)
    {
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cluster = Cluster;
        var started = DateTime.UtcNow;
        cluster.RegisterOnMemberUp(() => up.TrySetResult());

        try
        {
            await AdmitAsync(System, Config, Settings, Settings.JoinTimeout, cancellationToken).ConfigureAwait(false);
            Join(cluster, Settings.Seed);

            // A node that ends while it joins (its parent closed its stdin) fails its start at once.
            var remaining = Settings.JoinTimeout - (DateTime.UtcNow - started);
            var ended = await Task.WhenAny(up.Task, System.WhenTerminated)
                .WaitAsync(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
            if (ended != up.Task)
            {
                var reason = CoordinatedShutdown.Get(System).ShutdownReason;
                var hint = reason is CoordinatedShutdown.ClusterDowningReason && ClusterSecret.Read(Config).Length == 0
                    ? "; it was downed, as a seed with a secret downs a node that joins without it (actoripc.node.secret, ACTORIPC_SECRET)"
                    : "";
                throw new NodeStartException($"node {cluster.SelfAddress} ended before it was Up in the cluster ({reason?.GetType().Name ?? "its actor system terminated"}){hint}");
            }
        }
        catch (TimeoutException e)
        {
            var joining = Settings.Seed is { } s ? $"the cluster of the seed {s}" : "the cluster it forms as the seed";
            throw new NodeStartException(
                $"node {cluster.SelfAddress} was not Up in {joining} within {Settings.JoinTimeout.TotalSeconds:0.###} s (actoripc.node.join-timeout); is the seed running, and is its system named '{Settings.SystemName}'?",
                e);
        }
    }
}
