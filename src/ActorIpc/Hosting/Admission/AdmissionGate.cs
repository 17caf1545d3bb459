using Akka.Actor;
using Akka.Cluster;
using Akka.Event;

namespace ActorIpc.Hosting;

/// <summary>
/// Every node's admission gate (<c>/system/actoripc-admission</c>). The seed's gate, when the
/// cluster has a secret, admits a joining node that proves it knows the secret
/// (<see cref="AdmissionHello"/>, <see cref="AdmissionChallenge"/>, <see cref="AdmissionProof"/>)
/// and downs every member that joins without having been admitted. The gate of a member that is
/// not the seed passes a hello and a proof on to its own seed's gate, keeping their sender, so that
/// a node may join through any member (a child's own fleet hands its children the child's address)
/// and the seed, which downs the strangers, still admits everyone. A gate without a secret answers
/// a hello with why it admits nobody, so that a misconfigured node fails with a reason, not a timeout.
/// </summary>
internal sealed class AdmissionGate : ReceiveActor
{
    // A challenge not answered within this is forgotten; at most this many wait at once.
    private static readonly TimeSpan ChallengeLifetime = TimeSpan.FromSeconds(30);
    private const int MaxPending = 1024;

    private readonly string _secret;
    private readonly Address? _seed;
    private readonly Cluster _cluster;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Dictionary<string, (byte[] NodeNonce, DateTime Expires)> _pending = new(StringComparer.Ordinal);
    private readonly HashSet<Address> _admitted = [];
    private readonly HashSet<Address> _downed = [];

    public AdmissionGate(string secret, Address? seed)
    {
        _secret = secret;
        _seed = seed;
        _cluster = Cluster.Get(Context.System);
        Receive<AdmissionHello>(Hello);
        Receive<AdmissionProof>(Proof);
        Receive<ClusterEvent.IMemberEvent>(Member);
        Receive<AdmissionAnswer>(Refused);
    }

    private bool Enforces => _seed is null && _secret.Length > 0;

    // A member that is not the seed hands the admission to the node it joined, up to the seed.
    private bool Relays => _seed is not null && _secret.Length > 0;

    protected override void PreStart()
    {
        if (Enforces)
        {
            _cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(ClusterEvent.IMemberEvent));
        }
    }

    protected override void PostStop()
    {
        if (Enforces)
        {
            _cluster.Unsubscribe(Self);
        }
    }

    private void Hello(AdmissionHello hello)
    {
        if (_secret.Length == 0)
        {
            Sender.Tell(new AdmissionAnswer(false, $"the seed {_cluster.SelfAddress} has no secret, while this node has one (actoripc.node.secret, ACTORIPC_SECRET): give both the same, or neither"));
            return;
        }

        if (Relays)
        {
            GateOf(_seed!).Tell(hello, Sender);
            return;
        }

        var now = DateTime.UtcNow;
        foreach (var expired in _pending.Where(p => p.Value.Expires < now).Select(p => p.Key).ToList())
        {
            _pending.Remove(expired);
        }

        if (_pending.Count >= MaxPending || hello.Nonce.Length != ClusterSecret.NonceLength)
        {
            Sender.Tell(new AdmissionAnswer(false, _pending.Count >= MaxPending ? "too many admissions are pending; try again" : "the hello's nonce is malformed"));
            return;
        }

        var nonce = ClusterSecret.NewNonce();
        _pending[Convert.ToBase64String(nonce)] = (hello.Nonce, now + ChallengeLifetime);
        Sender.Tell(new AdmissionChallenge(nonce, ClusterSecret.SeedProof(_secret, hello.Nonce, nonce)));
    }

    private void Proof(AdmissionProof proof)
    {
        if (Relays)
        {
            GateOf(_seed!).Tell(proof, Sender);
            return;
        }

        var from = Sender.Path.Address;
        if (!Enforces || !_pending.Remove(Convert.ToBase64String(proof.SeedNonce), out var pending))
        {
            Sender.Tell(new AdmissionAnswer(false, "no challenge of that nonce is pending here (it expired, or was answered)"));
            return;
        }

        if (proof.Address != from.ToString())
        {
            _log.Warning("Refused the node at {0}: its proof of the cluster's secret is for {1}", from, proof.Address);
            Sender.Tell(new AdmissionAnswer(false, $"the proof is for {proof.Address}, but came from {from}"));
            return;
        }

        if (!ClusterSecret.Matches(proof.Proof, ClusterSecret.NodeProof(_secret, pending.NodeNonce, proof.SeedNonce, proof.Address)))
        {
            _log.Warning("Refused the node at {0}: it does not know the cluster's secret (actoripc.node.secret)", from);
            Sender.Tell(new AdmissionAnswer(false, $"the seed {_cluster.SelfAddress} refused it: its secret is not this node's (actoripc.node.secret, ACTORIPC_SECRET)"));
            return;
        }

        _admitted.Add(from);
        Sender.Tell(new AdmissionAnswer(true, ""));
    }

    private void Member(ClusterEvent.IMemberEvent change)
    {
        var member = change.Member;
        if (change is ClusterEvent.MemberRemoved)
        {
            _admitted.Remove(member.Address);
            _downed.Remove(member.Address);
            return;
        }

        if (member.Address == _cluster.SelfAddress || _admitted.Contains(member.Address) || member.Status is MemberStatus.Down or MemberStatus.Exiting or MemberStatus.Leaving)
        {
            return;
        }

        if (_downed.Add(member.Address))
        {
            _log.Warning("Downing the member {0}: it joined without proving that it knows the cluster's secret (actoripc.node.secret)", member.Address);
            GateOf(member.Address).Tell(new AdmissionAnswer(false, $"the seed {_cluster.SelfAddress} downed this node: it joined without proving that it knows the cluster's secret (set actoripc.node.secret or ACTORIPC_SECRET to the seed's)"));
            _cluster.Down(member.Address);
        }
    }

    private static ActorSelection GateOf(Address node) => Context.ActorSelection(new RootActorPath(node) / "system" / Admission.GateName);

    // A seed's word that it downed this node: said where the node's operator looks.
    private void Refused(AdmissionAnswer answer)
    {
        if (!answer.Admitted)
        {
            _log.Error("{0} (from {1})", answer.Reason, Sender.Path.Address);
        }
    }
}
