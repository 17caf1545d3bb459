using ActorIpc.Configuration;
using ActorIpc.Hocon;
using Akka;
using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;

namespace ActorIpc;

/// <summary>
/// Tells the subscribers of a topic in every process of the cluster, as egg.js's messenger does:
/// <see cref="Broadcast"/> reaches each of them once, <see cref="SendToOne"/> one of them chosen at
/// random, either one only on the nodes of a cluster role if asked (all the workers, the parent).
/// An Akka.NET extension on DistributedPubSub: <c>Messenger.Get(system)</c>.
/// </summary>
/// <remarks>
/// <para>
/// Each node that uses the messenger registers itself once with the node's DistributedPubSub
/// mediator, with one entry point for every node and one per role of the node; the mediators'
/// gossip tells the other nodes. The subscribers themselves stay with their node's messenger, which
/// watches them: a subscriber that stops drops out.
/// </para>
/// <para>
/// What other nodes know arrives by gossip (every 100 ms with ActorIpc's reference configuration):
/// a broadcast sent right after another process subscribed may miss that subscriber. Wait for
/// <see cref="CountSubscribersAsync"/> to count it first. Delivery is Akka's: at most once, in
/// order between one sender and one subscriber for broadcasts, lost if a process dies with it in
/// flight. Messages cross processes through the node's serializers: allow their types in
/// <c>actoripc.serialization.allowed-types</c> in the sending process and in the processes of the
/// subscribers. The subscribers on one node receive the same instance: send immutable messages.
/// </para>
/// </remarks>
public sealed class Messenger : IExtension
{
    private readonly ExtendedActorSystem _system;
    private readonly IActorRef _mediator;
    private readonly IActorRef _actor;
    private readonly MessengerSettings _settings;
    private readonly TimeSpan _gossipInterval;

    internal Messenger(ExtendedActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        _system = system;
        _settings = MessengerSettings.Create(ActorIpcConfigSetup.Of(system));
        var pubSub = DistributedPubSub.Get(system);
        if (pubSub.IsTerminated)
        {
            throw new MessengerException(
                $"node {system.Provider.DefaultAddress} has no DistributedPubSub mediator, which the messenger runs on: its cluster has terminated, or akka.cluster.pub-sub.role names a role this node does not have");
        }

        _gossipInterval = system.Settings.Config.GetTimeSpan("akka.cluster.pub-sub.gossip-interval", TimeSpan.FromSeconds(1), allowInfinite: false);
        _mediator = pubSub.Mediator;
        _actor = system.SystemActorOf(MessengerActor.Props(_mediator, _settings), MessengerNames.ActorName);
    }

    /// <summary>The messenger of <paramref name="system"/>, started on first use.</summary>
    /// <param name="system">A cluster node's actor system (an <c>ActorIpcNode</c>'s <c>System</c>).</param>
    /// <returns>The system's messenger.</returns>
    /// <exception cref="MessengerException">The system has no DistributedPubSub mediator.</exception>
    /// <exception cref="HoconException">A setting in <c>actoripc.broadcast</c> is invalid; the message names its path and position.</exception>
    public static Messenger Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.WithExtension<Messenger, MessengerProvider>();
    }

    /// <summary>
    /// Subscribes <paramref name="subscriber"/>, an actor of this node, to <paramref name="topic"/>:
    /// it receives what is broadcast to the topic, to every node or to a role of this node, until it
    /// unsubscribes or stops. Subscribing twice is subscribing once.
    /// </summary>
    /// <param name="topic">The topic: any name that is not empty or only whitespace.</param>
    /// <param name="subscriber">The actor; it must belong to this node's actor system.</param>
    /// <param name="cancellationToken">Stops waiting for the acknowledgement (the subscription may still happen).</param>
    /// <returns>
    /// A task that completes once this node's messenger holds the subscription and this node's
    /// mediator has acknowledged the node's registration: from then on a broadcast from this node
    /// reaches it, and other nodes count it as soon as gossip has told them.
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="topic"/> is empty or only whitespace, or <paramref name="subscriber"/> belongs to another node.</exception>
    /// <exception cref="MessengerException">This node's messenger did not answer within <c>actoripc.broadcast.ask-timeout</c>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task SubscribeAsync(string topic, IActorRef subscriber, CancellationToken cancellationToken = default) =>
        ChangeAsync(topic, subscriber, subscribe: true, cancellationToken);

    /// <summary>Unsubscribes <paramref name="subscriber"/> from <paramref name="topic"/>; nothing happens if it was not subscribed.</summary>
    /// <param name="topic">The topic.</param>
    /// <param name="subscriber">The actor, of this node.</param>
    /// <param name="cancellationToken">Stops waiting for the acknowledgement.</param>
    /// <returns>A task that completes once this node's messenger no longer delivers the topic to the actor.</returns>
    /// <exception cref="ArgumentException"><paramref name="topic"/> is empty or only whitespace, or <paramref name="subscriber"/> belongs to another node.</exception>
    /// <exception cref="MessengerException">This node's messenger did not answer within <c>actoripc.broadcast.ask-timeout</c>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task UnsubscribeAsync(string topic, IActorRef subscriber, CancellationToken cancellationToken = default) =>
        ChangeAsync(topic, subscriber, subscribe: false, cancellationToken);

    /// <summary>
    /// Sends <paramref name="message"/> to every subscriber of <paramref name="topic"/> on every node
    /// this node's mediator knows, or only on the nodes with <paramref name="role"/>; each receives it
    /// once, with the calling actor (if any) as its sender.
    /// </summary>
    /// <param name="topic">The topic.</param>
    /// <param name="message">The message; its type must be allowed to cross processes.</param>
    /// <param name="role">A cluster role: only its nodes' subscribers receive the message. <see langword="null"/>: every node's.</param>
    /// <remarks>
    /// The message reaches every node of the role (or every node), once each, and is read only where
    /// the topic has subscribers. A subscriber on a node this node's mediator does not know yet misses
    /// it (see <see cref="CountSubscribersAsync"/>); with no subscriber at all, the message is dropped.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="topic"/> or <paramref name="role"/> is empty or only whitespace.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    public void Broadcast(string topic, object message, string? role = null)
    {
        Check(topic, message, role);
        _mediator.Tell(
            new SendToAll(MessengerNames.EntryPath(role), new Delivery(topic, DeliveryMode.All, message)),
            ActorCell.GetCurrentSelfOrNoSender());
    }

    /// <summary>
    /// Sends <paramref name="message"/> to one subscriber of <paramref name="topic"/>, chosen at random
    /// among the subscribers on every node this node's mediator knows (or on the nodes with
    /// <paramref name="role"/>), each as likely as the others; the calling actor (if any) is its sender.
    /// </summary>
    /// <param name="topic">The topic.</param>
    /// <param name="message">The message; its type must be allowed to cross processes.</param>
    /// <param name="role">A cluster role: only a subscriber on one of its nodes receives the message. <see langword="null"/>: any node's.</param>
    /// <remarks>
    /// The choice takes a census first (as <see cref="CountSubscribersAsync"/>): a round trip to the
    /// nodes of the role before the message goes to the chosen one. With no subscriber, or if the
    /// chosen one has left meanwhile, the message goes to dead letters with a warning that says why.
    /// A node that does not answer within <c>actoripc.broadcast.ask-timeout</c> is left out of the
    /// choice, with a warning.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="topic"/> or <paramref name="role"/> is empty or only whitespace.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    public void SendToOne(string topic, object message, string? role = null)
    {
        Check(topic, message, role);
        var sender = ActorCell.GetCurrentSelfOrNoSender();
        _actor.Tell(new SendOneRequest(topic, role, message, sender), sender);
    }

    /// <summary>
    /// Counts the subscribers of <paramref name="topic"/> that a <see cref="Broadcast"/> from this
    /// node reaches now: on every node this node's mediator knows (or on those with
    /// <paramref name="role"/>), each node answering for its own. Wait for the count you expect
    /// before broadcasting to subscribers that other processes have just made.
    /// </summary>
    /// <param name="topic">The topic.</param>
    /// <param name="role">A cluster role: only its nodes' subscribers count. <see langword="null"/>: every node's.</param>
    /// <param name="cancellationToken">Stops waiting for the count.</param>
    /// <returns>The number of subscribers.</returns>
    /// <exception cref="ArgumentException"><paramref name="topic"/> or <paramref name="role"/> is empty or only whitespace.</exception>
    /// <exception cref="MessengerException">A node that this node's mediator knows did not answer within <c>actoripc.broadcast.ask-timeout</c>; the message names it.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<int> CountSubscribersAsync(string topic, string? role = null, CancellationToken cancellationToken = default)
    {
        MessengerNames.CheckTopic(topic, nameof(topic));
        MessengerNames.CheckRole(role, nameof(role));
        var operation = $"counting the subscribers of topic '{topic}'{MessengerNames.Describe(role)}";

        // The census waits up to the timeout for the other nodes; this waits for the census.
        var result = await AskAsync<CensusResult>(new CountRequest(topic, role), _settings.AskTimeout * 2, operation, cancellationToken).ConfigureAwait(false);
        if (result.Silent.Count > 0)
        {
            throw new MessengerException(
                $"{operation}: no answer within {Seconds(_settings.AskTimeout)} (actoripc.broadcast.ask-timeout) from {string.Join(", ", result.Silent)}; "
                + $"the {result.Answers.Count} node(s) that answered have {result.Count} subscriber(s)");
        }

        return result.Count;
    }

    /// <summary>
    /// Waits until a <see cref="Broadcast"/> from this node reaches at least
    /// <paramref name="count"/> subscribers of <paramref name="topic"/> (of <paramref name="role"/>):
    /// subscriptions made in other processes reach this one by gossip, so a process that starts
    /// workers waits here before it tells them. It counts again after each pub-sub gossip interval.
    /// </summary>
    /// <param name="topic">The topic.</param>
    /// <param name="count">How many subscribers to wait for.</param>
    /// <param name="role">A cluster role: only its nodes' subscribers count. <see langword="null"/>: every node's.</param>
    /// <param name="timeout">How long to wait; <c>actoripc.broadcast.ask-timeout</c> when not given.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>The count reached, at least <paramref name="count"/>.</returns>
    /// <exception cref="MessengerException">The count stayed below <paramref name="count"/> for the whole timeout; the message gives the last count.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<int> WaitForSubscribersAsync(string topic, int count, string? role = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var wait = timeout ?? _settings.AskTimeout;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        while (true)
        {
            var counted = await CountSubscribersAsync(topic, role, cancellationToken).ConfigureAwait(false);
            if (counted >= count)
            {
                return counted;
            }

            if (System.Diagnostics.Stopwatch.GetElapsedTime(started) >= wait)
            {
                throw new MessengerException(
                    $"waiting for {count} subscriber(s) of topic '{topic}'{MessengerNames.Describe(role)}: {counted} after {Seconds(wait)}");
            }

            // New subscriptions arrive with the mediators' gossip: counting again sooner finds nothing new.
            await Task.Delay(_gossipInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ChangeAsync(string topic, IActorRef subscriber, bool subscribe, CancellationToken cancellationToken)
    {
        MessengerNames.CheckTopic(topic, nameof(topic));
        ArgumentNullException.ThrowIfNull(subscriber);
        // Local to this very system: several nodes in one process share a system name, so the
        // address alone does not tell.
        if (subscriber is not IInternalActorRef { IsLocal: true } local || local.Provider != _system.Provider || subscriber.IsNobody())
        {
            throw new ArgumentException(
                $"{subscriber} is not an actor of this node ({_system.Name}): subscribe an actor through the messenger of its own node, whose roles it takes",
                nameof(subscriber));
        }

        var operation = $"{(subscribe ? "subscribing" : "unsubscribing")} {subscriber.Path} {(subscribe ? "to" : "from")} topic '{topic}'";
        await AskAsync<Done>(new SubscriptionChange(topic, subscriber, subscribe), _settings.AskTimeout, operation, cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> AskAsync<T>(object request, TimeSpan timeout, string operation, CancellationToken cancellationToken)
    {
        try
        {
            return await _actor.Ask<T>(request, timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (AskTimeoutException e)
        {
            throw new MessengerException(
                $"{operation}: this node's messenger did not answer within {Seconds(timeout)} (actoripc.broadcast.ask-timeout); is the actor system shutting down?",
                e);
        }
    }

    private static void Check(string topic, object message, string? role)
    {
        MessengerNames.CheckTopic(topic, nameof(topic));
        ArgumentNullException.ThrowIfNull(message);
        MessengerNames.CheckRole(role, nameof(role));
    }

    private static string Seconds(TimeSpan time) => $"{time.TotalSeconds:0.###} s";
}
