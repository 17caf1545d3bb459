using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Tools.PublishSubscribe;

namespace ActorIpc;

/// <summary>
/// Counts the subscribers of a topic that a broadcast from this node would reach now, node by node,
/// and reports a <see cref="CensusResult"/> to whoever asked. It asks the same entry points, through
/// the same mediator, as <see cref="Messenger.Broadcast"/> sends to, so a node counted is a node a
/// broadcast reaches. To know when every answer is in, it first reads the mediator's topic list: a
/// node whose presence topic is there has its entry points known too (they were registered first,
/// and the mediators' gossip hands a node's registrations on in the order they were made), so it
/// will be reached and will answer. Nodes that leave the cluster meanwhile are no longer waited for;
/// nodes that do not answer within the messenger's ask timeout are reported as silent.
/// </summary>
internal sealed class CensusActor : UntypedActor, IWithTimers
{
    private const string TimeoutKey = "census-timeout";

    private readonly IActorRef _mediator;
    private readonly string _topic;
    private readonly string? _role;
    private readonly TimeSpan _timeout;
    private readonly IActorRef _replyTo;
    private readonly object _request;
    private readonly Cluster _cluster = Cluster.Get(Context.System);
    private readonly Dictionary<Address, Member> _members = [];
    private readonly Dictionary<Address, CensusAnswer> _answers = [];

    // Null until the census is sent: the nodes whose answers it waits for.
    private HashSet<Address>? _expected;

    /// <summary>Creates the actor; see <see cref="Props"/>.</summary>
    public CensusActor(IActorRef mediator, string topic, string? role, TimeSpan timeout, IActorRef replyTo, object request)
    {
        _mediator = mediator;
        _topic = topic;
        _role = role;
        _timeout = timeout;
        _replyTo = replyTo;
        _request = request;
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>The props of a census.</summary>
    /// <param name="mediator">This node's DistributedPubSub mediator.</param>
    /// <param name="topic">The topic.</param>
    /// <param name="role">Only nodes with this role; <see langword="null"/>: every node.</param>
    /// <param name="timeout">How long to wait for the answers.</param>
    /// <param name="replyTo">Who gets the <see cref="CensusResult"/>.</param>
    /// <param name="request">What the census is for, handed back in the result.</param>
    /// <returns>The props.</returns>
    public static Props Props(IActorRef mediator, string topic, string? role, TimeSpan timeout, IActorRef replyTo, object request) =>
        Akka.Actor.Props.Create(typeof(CensusActor), mediator, topic, role, timeout, replyTo, request);

    /// <inheritdoc />
    protected override void PreStart()
    {
        // The snapshot first, then the events since: the roles and the departures of the nodes.
        _cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot, typeof(ClusterEvent.IMemberEvent));
        Timers.StartSingleTimer(TimeoutKey, TimeoutKey, _timeout);
    }

    /// <inheritdoc />
    protected override void PostStop() => _cluster.Unsubscribe(Self);

    /// <inheritdoc />
    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case ClusterEvent.CurrentClusterState state:
                foreach (var member in state.Members)
                {
                    Track(member);
                }

                _mediator.Tell(GetTopics.Instance);
                break;
            case ClusterEvent.IMemberEvent change:
                Track(change.Member);
                break;
            case CurrentTopics topics:
                Send(topics);
                break;
            case CensusReply reply when _expected is not null:
                var node = MessengerNames.NodeOf(Sender, _cluster.SelfAddress);
                _answers[node] = new CensusAnswer(node, Sender, reply.Count);
                TryFinish();
                break;
            case TimeoutKey:
                Finish();
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void Track(Member member)
    {
        if (member.Status is MemberStatus.Joining or MemberStatus.WeaklyUp or MemberStatus.Up)
        {
            _members[member.Address] = member;
            return;
        }

        // Leaving, exiting, down or removed: the mediator drops the node's registrations, so a
        // broadcast from here no longer reaches it; it is neither waited for nor counted.
        _members.Remove(member.Address);
        _answers.Remove(member.Address);
        if (_expected?.Remove(member.Address) == true)
        {
            TryFinish();
        }
    }

    private void Send(CurrentTopics topics)
    {
        // Read before the census is sent: a node the mediator learns of in between may answer too
        // (and is counted), but every node expected here is one the census reaches.
        _expected = _members.Values
            .Where(member => topics.Topics.Contains(MessengerNames.PresenceTopic(member.UniqueAddress)))
            .Where(member => _role is null || member.HasRole(_role))
            .Select(member => member.Address)
            .ToHashSet();
        _mediator.Tell(new SendToAll(MessengerNames.EntryPath(_role), new Census(_topic)), Self);
        TryFinish();
    }

    private void TryFinish()
    {
        if (_expected is not null && _expected.All(_answers.ContainsKey))
        {
            Finish();
        }
    }

    private void Finish()
    {
        // Without the mediator's topic list the census never went out: this node itself is silent.
        IReadOnlyList<Address> silent = _expected is null
            ? [_cluster.SelfAddress]
            : [.. _expected.Where(node => !_answers.ContainsKey(node))];
        _replyTo.Tell(new CensusResult(_request, [.. _answers.Values], silent));
        Context.Stop(Self);
    }
}
