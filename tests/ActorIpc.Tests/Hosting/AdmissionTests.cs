using ActorIpc.Configuration;
using ActorIpc.Hocon;
using ActorIpc.Hosting;
using Akka.Actor;
using Akka.Cluster;

namespace ActorIpc.Tests.Hosting;

/// <summary>The cluster's secret: who a seed with one admits, and what a refused node is told.</summary>
public sealed class AdmissionTests : Akka.TestKit.Xunit2.TestKit
{
    // Short, so that a refused node fails fast; long enough for a join on a busy machine.
    private static readonly Config QuickJoin = ConfigFactory.ParseString("actoripc.node.join-timeout = 15s");

    [Fact]
    public async Task StartAsync_NodeWithTheSeedsSecret_IsAdmittedAndUp()
    {
        await using var seed = await Start(secret: "open sesame");
        await using var member = await Start(secret: "open sesame", seed: seed);

        await AwaitAssertAsync(() => Assert.Contains(
            seed.Cluster.State.Members, m => m.Address.Equals(member.Address) && m.Status == MemberStatus.Up));
    }

    [Fact]
    public async Task StartAsync_NodeWithAnotherSecret_FailsSayingTheSeedDoesNotKnowItAndNeverJoins()
    {
        await using var seed = await Start(secret: "open sesame");

        var error = await Assert.ThrowsAsync<NodeStartException>(() => Start(secret: "open barley", seed: seed));

        Assert.Contains("was not admitted to the cluster of the seed " + seed.Address, error.Message, StringComparison.Ordinal);
        Assert.Contains("does not know this node's secret", error.Message, StringComparison.Ordinal);
        Assert.Equal([seed.Address], seed.Cluster.State.Members.Select(m => m.Address));
    }

    [Fact]
    public async Task StartAsync_NodeWithoutASecretJoiningASeedWithOne_IsDownedAndFailsWithTheHint()
    {
        await using var seed = await Start(secret: "open sesame");

        var error = await Assert.ThrowsAsync<NodeStartException>(() => Start(secret: null, seed: seed));

        Assert.Contains("it was downed", error.Message, StringComparison.Ordinal);
        Assert.Contains("ACTORIPC_SECRET", error.Message, StringComparison.Ordinal);
        await AwaitAssertAsync(() => Assert.Equal([seed.Address], seed.Cluster.State.Members.Select(m => m.Address)), TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task StartAsync_NodeWithASecretJoiningASeedWithout_FailsSayingTheSeedHasNone()
    {
        await using var seed = await Start(secret: null);

        var error = await Assert.ThrowsAsync<NodeStartException>(() => Start(secret: "open sesame", seed: seed));

        Assert.Contains($"the seed {seed.Address} has no secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_NodesJoiningThroughAMemberThatIsNotTheSeed_AreAdmittedByTheSeedThroughIt()
    {
        await using var seed = await Start(secret: "open sesame");
        await using var member = await Start(secret: "open sesame", seed: seed);

        await using var grandchild = await Start(secret: "open sesame", seed: member);
        var error = await Assert.ThrowsAsync<NodeStartException>(() => Start(secret: "open barley", seed: member));

        await AwaitAssertAsync(() => Assert.Contains(
            seed.Cluster.State.Members, m => m.Address.Equals(grandchild.Address) && m.Status == MemberStatus.Up));
        Assert.Contains($"the seed {member.Address}", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not know this node's secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdmissionGate_ProofForAnotherAddressOrWithAStaleNonce_IsRefused()
    {
        await using var seed = await Start(secret: "open sesame");
        var gate = seed.System.ActorSelection($"/system/{Admission.GateName}");
        var nonce = ClusterSecret.NewNonce();
        var challenge = await gate.Ask<AdmissionChallenge>(new AdmissionHello(nonce), TimeSpan.FromSeconds(10));

        // The proof is right for the address it names, but it is not the sender's address.
        var elsewhere = "akka.tcp://actoripc@127.0.0.1:1";
        var misdirected = await gate.Ask<AdmissionAnswer>(
            new AdmissionProof(elsewhere, challenge.Nonce, ClusterSecret.NodeProof("open sesame", nonce, challenge.Nonce, elsewhere)), TimeSpan.FromSeconds(10));
        var replayed = await gate.Ask<AdmissionAnswer>(
            new AdmissionProof(elsewhere, challenge.Nonce, ClusterSecret.NodeProof("open sesame", nonce, challenge.Nonce, elsewhere)), TimeSpan.FromSeconds(10));

        Assert.False(misdirected.Admitted);
        Assert.Contains("is for " + elsewhere, misdirected.Reason, StringComparison.Ordinal);
        Assert.False(replayed.Admitted);
        Assert.Contains("no challenge of that nonce", replayed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdmissionGate_ChallengeProof_IsTheSeedsAndOnlyValidForThatSecretAndNonce()
    {
        await using var seed = await Start(secret: "open sesame");
        var gate = seed.System.ActorSelection($"/system/{Admission.GateName}");
        var nonce = ClusterSecret.NewNonce();

        var challenge = await gate.Ask<AdmissionChallenge>(new AdmissionHello(nonce), TimeSpan.FromSeconds(10));

        Assert.True(ClusterSecret.Matches(challenge.Proof, ClusterSecret.SeedProof("open sesame", nonce, challenge.Nonce)));
        Assert.False(ClusterSecret.Matches(challenge.Proof, ClusterSecret.SeedProof("open barley", nonce, challenge.Nonce)));
        Assert.False(ClusterSecret.Matches(challenge.Proof, ClusterSecret.SeedProof("open sesame", ClusterSecret.NewNonce(), challenge.Nonce)));
    }

    [Fact]
    public void Proofs_OfTheSeedAndOfANode_DifferForTheSameNoncesAndNamesTheAddress()
    {
        var (a, b) = (ClusterSecret.NewNonce(), ClusterSecret.NewNonce());

        Assert.NotEqual(ClusterSecret.SeedProof("s", a, b), ClusterSecret.NodeProof("s", b, a, ""));
        Assert.NotEqual(ClusterSecret.NodeProof("s", a, b, "akka.tcp://x@h:1"), ClusterSecret.NodeProof("s", a, b, "akka.tcp://x@h:2"));
        Assert.Equal(ClusterSecret.NodeProof("s", a, b, "akka.tcp://x@h:1"), ClusterSecret.NodeProof("s", a, b, "akka.tcp://x@h:1"));
    }

    [Fact]
    public void EnsureForFleet_SeedWithATopologyAndNoSecret_GetsAFreshOneAndNoOtherNodeDoes()
    {
        var fleet = ActorIpcConfig.Parse("actoripc.processes.worker.program = /bin/true");
        var plain = ActorIpcConfig.Parse("");
        var given = ActorIpcConfig.Parse("actoripc.processes.worker.program = /bin/true\nactoripc.node.secret = mine");
        var joining = ActorIpcConfig.Parse("actoripc.processes.worker.program = /bin/true\nactoripc.node.seed = \"akka.tcp://actoripc@127.0.0.1:1\"");

        var first = ClusterSecret.Read(ClusterSecret.EnsureForFleet(fleet, NodeSettings.Create(fleet)));
        var second = ClusterSecret.Read(ClusterSecret.EnsureForFleet(fleet, NodeSettings.Create(fleet)));

        Assert.True(first.Length >= 40, first);
        Assert.NotEqual(first, second);
        Assert.Equal("", ClusterSecret.Read(ClusterSecret.EnsureForFleet(plain, NodeSettings.Create(plain))));
        Assert.Equal("mine", ClusterSecret.Read(ClusterSecret.EnsureForFleet(given, NodeSettings.Create(given))));
        Assert.Equal("", ClusterSecret.Read(ClusterSecret.EnsureForFleet(joining, NodeSettings.Create(joining))));
    }

    [Fact]
    public async Task Fleet_ParentWithoutASecret_HandsItsGeneratedSecret()
    {
        await using var parent = await ActorIpcNode.StartAsync(new NodeOptions
        {
            Config = ConfigFactory.ParseString("actoripc.processes.worker { program = /bin/true, replicas = 1 }"),
        });

        var secret = Fleet.Get(parent.System).Secret;

        Assert.Equal(ClusterSecret.Read(parent.Config), secret);
        Assert.True(secret.Length >= 40, secret);
    }

    [Fact]
    public void Serializer_EveryMessage_RoundTripsAndAHostileLengthIsRefused()
    {
        var nonce = ClusterSecret.NewNonce();
        object[] messages =
        [
            new AdmissionHello(nonce),
            new AdmissionChallenge(nonce, new byte[32]),
            new AdmissionProof("akka.tcp://a@127.0.0.1:2", nonce, new byte[32]),
            new AdmissionAnswer(false, "why not"),
        ];
        var serializer = new AdmissionSerializer((ExtendedActorSystem)Sys);

        var back = messages.Select(m => serializer.FromBinary(serializer.ToBinary(m), serializer.Manifest(m))).ToArray();

        Assert.Equal(nonce, Assert.IsType<AdmissionHello>(back[0]).Nonce);
        Assert.Equal(new byte[32], Assert.IsType<AdmissionChallenge>(back[1]).Proof);
        Assert.Equal("akka.tcp://a@127.0.0.1:2", Assert.IsType<AdmissionProof>(back[2]).Address);
        Assert.Equal(new AdmissionAnswer(false, "why not"), back[3]);
        var hostile = serializer.ToBinary(new AdmissionHello(nonce));
        hostile[1] = 200;
        Assert.Throws<System.Runtime.Serialization.SerializationException>(() => serializer.FromBinary(hostile, "H"));
        Assert.Equal(734, ActorIpcSerialization(messages[0]));

        int ActorIpcSerialization(object message)
        {
            using var system = ActorSystem.Create("bindings", ActorIpcConfig.WithDefaults(ConfigFactory.ParseString("akka.actor.provider = local")).ToAkkaConfig());
            return system.Serialization.FindSerializerFor(message).Identifier;
        }

    }

    private static Task<ActorIpcNode> Start(string? secret, ActorIpcNode? seed = null) =>
        ActorIpcNode.StartAsync(new NodeOptions { Config = QuickJoin, Secret = secret ?? "", Seed = seed?.Address.ToString() });
}
