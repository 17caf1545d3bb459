using System.Collections.Immutable;
using Akka.Actor;
using Akka.Cluster;
using Akka.Event;
using Akka.Remote;

namespace ActorIpc;

/// <summary>
/// One per node (<c>/system/actoripc-receptionist</c>): keeps this node's registrations, watches
/// their callees, tells every other node's receptionist its registrations (a whole
/// <see cref="ReceptionistSnapshot"/> each time: a node registers few callees), keeps theirs, and
/// publishes the merged view to <see cref="Receptionist"/> and its subscribers. A node's callees
/// leave the view when its member exits or is removed, and while it is unreachable or its
/// connection is lost (a killed process closes its sockets at once, long before the failure
/// detector decides); they come back when it is reachable, reconnects or sends a snapshot again.
/// </summary>
internal sealed class ReceptionistActor : ReceiveActor
{
    private readonly Receptionist _extension;
    private readonly Cluster? _cluster;
    private readonly Dictionary<string, HashSet<IActorRef>> _local = new(StringComparer.Ordinal);
    private readonly Dictionary<Address, NodeRegistrations> _remote = [];
    private readonly HashSet<Address> _peers = [];
    private readonly HashSet<Address> _suspects = [];
    private readonly HashSet<UniqueAddress> _gone = [];
    private readonly Dictionary<string, (ServiceKey Key, HashSet<IActorRef> Subscribers)> _subscriptions = new(StringComparer.Ordinal);
    private ImmutableDictionary<string, ImmutableArray<IActorRef>> _view = ImmutableDictionary.Create<string, ImmutableArray<IActorRef>>(StringComparer.Ordinal);
    private long _version;
    private bool _withdrawn;

    public ReceptionistActor(Receptionist extension)
    {
        _extension = extension;

        // Without the cluster provider (a single-process system) the receptionist is local only.
        _cluster = Context.System is ExtendedActorSystem { Provider: IClusterActorRefProvider } ? Cluster.Get(Context.System) : null;

        Receive<RegisterCallee>(Register);
        Receive<WithdrawCallees>(_ => Withdraw());
        Receive<DeregisterCallee>(Deregister);
        Receive<SubscribeListing>(Subscribe);
        Receive<UnsubscribeListing>(Unsubscribe);
        Receive<Terminated>(Terminated);
        Receive<ReceptionistSnapshot>(Snapshot);
        Receive<ClusterEvent.MemberUp>(up => PeerUp(up.Member));
        Receive<ClusterEvent.MemberExited>(exited => PeerGone(exited.Member.UniqueAddress, removed: false));
        Receive<ClusterEvent.MemberRemoved>(removed => PeerGone(removed.Member.UniqueAddress, removed: true));
        Receive<ClusterEvent.UnreachableMember>(unreachable => Suspect(unreachable.Member.Address));
        Receive<ClusterEvent.ReachableMember>(reachable => Trust(reachable.Member.Address));
        Receive<DisassociatedEvent>(lost => Suspect(lost.RemoteAddress));
        Receive<LoseAddress>(lost => Suspect(lost.Address, lost.Reason));
        Receive<AssociatedEvent>(Associated);
        Receive<ClusterEvent.IMemberEvent>(_ => { });
    }

    protected override void PreStart()
    {
        if (_cluster is not null)
        {
            _cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents,
                typeof(ClusterEvent.IMemberEvent), typeof(ClusterEvent.IReachabilityEvent));
            Context.System.EventStream.Subscribe<DisassociatedEvent>(Self);
            Context.System.EventStream.Subscribe<AssociatedEvent>(Self);
        }
    }

    protected override void PostStop()
    {
        _cluster?.Unsubscribe(Self);
        Context.System.EventStream.Unsubscribe(Self);
    }

    private void Register(RegisterCallee register)
    {
        if (_withdrawn)
        {
            // The node is shutting down: a callee registered now would only draw calls it may not answer.
            return;
        }

        if (!_local.TryGetValue(register.Key.Id, out var callees))
        {
            callees = [];
            _local.Add(register.Key.Id, callees);
        }

        if (callees.Add(register.Callee))
        {
            Context.Watch(register.Callee);
            LocalChanged();
        }
    }

    /// <summary>
    /// The node is shutting down: every local callee leaves the view, here and, after one message,
    /// in every other node, while the callees still run and answer the calls already sent to them.
    /// Calls stop coming before the node leaves the cluster, so a graceful stop fails none.
    /// </summary>
    private void Withdraw()
    {
        _withdrawn = true;
        if (_local.Count > 0)
        {
            var callees = _local.Values.SelectMany(c => c).Distinct().ToArray();
            _local.Clear();
            foreach (var callee in callees.Where(c => !IsSubscriber(c)))
            {
                Context.Unwatch(callee);
            }

            LocalChanged();
        }

        Sender.Tell(Akka.Done.Instance);
    }

    private void Deregister(DeregisterCallee deregister)
    {
        if (_local.TryGetValue(deregister.Key.Id, out var callees) && callees.Remove(deregister.Callee))
        {
            if (callees.Count == 0)
            {
                _local.Remove(deregister.Key.Id);
            }

            if (!IsRegistered(deregister.Callee) && !IsSubscriber(deregister.Callee))
            {
                Context.Unwatch(deregister.Callee);
            }

            LocalChanged();
        }
    }

    private void Subscribe(SubscribeListing subscribe)
    {
        if (!_subscriptions.TryGetValue(subscribe.Key.Id, out var subscription))
        {
            subscription = (subscribe.Key, []);
            _subscriptions.Add(subscribe.Key.Id, subscription);
        }

        if (subscription.Subscribers.Add(subscribe.Subscriber))
        {
            Context.Watch(subscribe.Subscriber);
        }

        subscribe.Subscriber.Tell(new Listing(subscribe.Key, CalleesOf(subscribe.Key.Id)));
    }

    private void Unsubscribe(UnsubscribeListing unsubscribe)
    {
        if (_subscriptions.TryGetValue(unsubscribe.Key.Id, out var subscription) && subscription.Subscribers.Remove(unsubscribe.Subscriber))
        {
            if (subscription.Subscribers.Count == 0)
            {
                _subscriptions.Remove(unsubscribe.Key.Id);
            }

            if (!IsRegistered(unsubscribe.Subscriber) && !IsSubscriber(unsubscribe.Subscriber))
            {
                Context.Unwatch(unsubscribe.Subscriber);
            }
        }
    }

    private void Terminated(Terminated terminated)
    {
        var actor = terminated.ActorRef;
        foreach (var (id, subscription) in _subscriptions.ToArray())
        {
            if (subscription.Subscribers.Remove(actor) && subscription.Subscribers.Count == 0)
            {
                _subscriptions.Remove(id);
            }
        }

        var changed = false;
        foreach (var (id, callees) in _local.ToArray())
        {
            if (callees.Remove(actor))
            {
                changed = true;
                if (callees.Count == 0)
                {
                    _local.Remove(id);
                }
            }
        }

        if (changed)
        {
            LocalChanged();
        }
    }

    private void Snapshot(ReceptionistSnapshot snapshot)
    {
        if (_gone.Contains(new UniqueAddress(snapshot.From, snapshot.Uid)))
        {
            // A late snapshot of a node that has left must not bring its callees back.
            return;
        }

        if (_remote.TryGetValue(snapshot.From, out var known) && known.Uid == snapshot.Uid && known.Version >= snapshot.Version)
        {
            return;
        }

        // The first snapshot of an incarnation is answered with ours: if its receptionist started
        // after ours told it our registrations (a receptionist starts with its node, but a message
        // can be lost with a connection), this is how it learns them. Later ones are not, so that
        // two receptionists never answer each other forever.
        if (known is null || known.Uid != snapshot.Uid)
        {
            SendSnapshot(snapshot.From);
        }

        _remote[snapshot.From] = new NodeRegistrations(snapshot.Uid, snapshot.Version, snapshot.Entries);
        _extension.ProcessSeen(snapshot.From, snapshot.ProcessId, [.. snapshot.Entries.Where(e => e.Value.Length > 0).Select(e => ServiceKeyId.NameOf(e.Key))]);

        // A snapshot is proof of a working connection.
        _suspects.Remove(snapshot.From);
        Recompute();
    }

    private void PeerUp(Member member)
    {
        if (_cluster is null || member.Address.Equals(_cluster.SelfAddress))
        {
            return;
        }

        _peers.Add(member.Address);
        SendSnapshot(member.Address);
    }

    private void PeerGone(UniqueAddress member, bool removed)
    {
        _peers.Remove(member.Address);
        if (removed)
        {
            _gone.Add(member);
            _suspects.Remove(member.Address);
        }

        if (_remote.TryGetValue(member.Address, out var known) && known.Uid == member.Uid)
        {
            _remote.Remove(member.Address);
            Recompute();
        }

        // After the view without the node's callees is published: see Suspect.
        _extension.AddressLost(member.Address, null);
    }

    private void Suspect(Address address, string? reason = null)
    {
        if (_suspects.Add(address) && _remote.ContainsKey(address))
        {
            Recompute();
        }

        // Only now are the calls in flight to the node failed: an idempotent call is re-sent at
        // once, and had the view still listed the node's other callees, it could go to one of them
        // and fail, or wait, a second time.
        _extension.AddressLost(address, reason);
    }

    private void Trust(Address address)
    {
        if (_suspects.Remove(address) && _remote.ContainsKey(address))
        {
            Recompute();
        }
    }

    private void Associated(AssociatedEvent associated)
    {
        // The connection is back: whatever was sent while it was down may be lost, so send ours again.
        if (_peers.Contains(associated.RemoteAddress))
        {
            SendSnapshot(associated.RemoteAddress);
        }

        Trust(associated.RemoteAddress);
    }

    private void LocalChanged()
    {
        _version++;
        foreach (var peer in _peers)
        {
            SendSnapshot(peer);
        }

        Recompute();
    }

    private void SendSnapshot(Address peer)
    {
        var entries = _local.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
        var snapshot = new ReceptionistSnapshot(_cluster!.SelfAddress, _cluster.SelfUniqueAddress.Uid, Environment.ProcessId, _version, entries);
        Context.ActorSelection(new RootActorPath(peer) / "system" / Receptionist.ActorName).Tell(snapshot);
    }

    private void Recompute()
    {
        var merged = new Dictionary<string, List<IActorRef>>(StringComparer.Ordinal);
        foreach (var (id, callees) in _local)
        {
            Add(merged, id, callees);
        }

        foreach (var (address, node) in _remote)
        {
            if (_suspects.Contains(address))
            {
                continue;
            }

            foreach (var (id, callees) in node.Entries)
            {
                Add(merged, id, callees);
            }
        }

        // A key whose callees did not change keeps its array: waiters and subscribers compare by it.
        var previous = _view;
        var view = merged.ToImmutableDictionary(
            pair => pair.Key,
            pair =>
            {
                var callees = pair.Value.Distinct().OrderBy(r => r.Path.ToString(), StringComparer.Ordinal).ToImmutableArray();
                return previous.TryGetValue(pair.Key, out var before) && before.SequenceEqual(callees) ? before : callees;
            },
            StringComparer.Ordinal);
        _view = view;
        _extension.Publish(view);
        NotifySubscribers(previous, view);
    }

    private void NotifySubscribers(ImmutableDictionary<string, ImmutableArray<IActorRef>> previous, ImmutableDictionary<string, ImmutableArray<IActorRef>> view)
    {
        foreach (var (id, subscription) in _subscriptions)
        {
            var before = previous.TryGetValue(id, out var b) ? b : [];
            var after = view.TryGetValue(id, out var a) ? a : [];
            if (before != after)
            {
                var listing = new Listing(subscription.Key, after);
                foreach (var subscriber in subscription.Subscribers)
                {
                    subscriber.Tell(listing);
                }
            }
        }
    }

    private ImmutableArray<IActorRef> CalleesOf(string id) => _view.TryGetValue(id, out var callees) ? callees : [];

    private bool IsRegistered(IActorRef actor) => _local.Values.Any(callees => callees.Contains(actor));

    private bool IsSubscriber(IActorRef actor) => _subscriptions.Values.Any(s => s.Subscribers.Contains(actor));

    private static void Add(Dictionary<string, List<IActorRef>> merged, string id, IEnumerable<IActorRef> callees)
    {
        if (!merged.TryGetValue(id, out var list))
        {
            list = [];
            merged.Add(id, list);
        }

        list.AddRange(callees);
    }

    /// <summary>What a remote node registered, as its latest snapshot says.</summary>
    private sealed record NodeRegistrations(int Uid, long Version, IReadOnlyDictionary<string, IActorRef[]> Entries);
}
