using Akka.Actor;

namespace ActorIpc.Hosting;

/// <summary>
/// A node's side of the cluster's secret: starts its <see cref="AdmissionGate"/>, and before a
/// node with a secret joins, proves to the seed that it knows it and checks that the seed knows
/// it too (so a child never joins a stranger that took its seed's port).
/// </summary>
internal static class Admission
{
    /// <summary>The gate's name under <c>/system</c>.</summary>
    public const string GateName = "actoripc-admission";

    // How long one hello waits for the seed's answer before it is sent again (the seed may still be starting).
    private static readonly TimeSpan Attempt = TimeSpan.FromSeconds(1);

    /// <summary>Starts the node's gate.</summary>
    /// <param name="system">The node's system.</param>
    /// <param name="secret">The cluster's secret; empty: none.</param>
    /// <param name="seed">The node this one joins; <see langword="null"/>: it forms the cluster.</param>
    public static void StartGate(ActorSystem system, string secret, Address? seed) =>
        ((ExtendedActorSystem)system).SystemActorOf(Props.Create(() => new AdmissionGate(secret, seed)), GateName);

    /// <summary>
    /// Has the node at <paramref name="self"/> admitted by the gate of <paramref name="seed"/>.
    /// </summary>
    /// <exception cref="NodeStartException">The seed refused the node, or does not know the secret.</exception>
    /// <exception cref="TimeoutException">The seed did not answer within <paramref name="timeout"/>.</exception>
    public static async Task RequestAsync(ActorSystem system, Address seed, string secret, Address self, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var gate = system.ActorSelection(new RootActorPath(seed) / "system" / GateName);
        var deadline = DateTime.UtcNow + timeout;
        var nonce = ClusterSecret.NewNonce();
        var answer = await AskAsync(gate, new AdmissionHello(nonce), deadline, cancellationToken).ConfigureAwait(false);
        if (answer is AdmissionAnswer { Admitted: false } early)
        {
            throw Refused(self, seed, early.Reason);
        }

        if (answer is not AdmissionChallenge challenge)
        {
            throw Refused(self, seed, $"the seed answered the hello with {answer.GetType().Name}");
        }

        if (!ClusterSecret.Matches(challenge.Proof, ClusterSecret.SeedProof(secret, nonce, challenge.Nonce)))
        {
            throw Refused(self, seed, "the seed does not know this node's secret (actoripc.node.secret, ACTORIPC_SECRET): is it the cluster this node was meant to join?");
        }

        var proof = new AdmissionProof(self.ToString(), challenge.Nonce, ClusterSecret.NodeProof(secret, nonce, challenge.Nonce, self.ToString()));
        var verdict = await AskAsync(gate, proof, deadline, cancellationToken).ConfigureAwait(false);
        if (verdict is not AdmissionAnswer { Admitted: true })
        {
            throw Refused(self, seed, (verdict as AdmissionAnswer)?.Reason ?? $"the seed answered the proof with {verdict.GetType().Name}");
        }
    }

    // The hello is sent again until an answer comes: the first may be lost while the connection forms.
    private static async Task<object> AskAsync(ActorSelection gate, object message, DateTime deadline, CancellationToken cancellationToken)
    {
        while (true)
        {
            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                throw new TimeoutException($"the seed's admission gate {gate.PathString} did not answer");
            }

            try
            {
                return await gate.Ask<object>(message, remaining < Attempt ? remaining : Attempt, cancellationToken).ConfigureAwait(false);
            }
            catch (AskTimeoutException e)
            {
                // A hello again, until the deadline; a proof is answered at once or not at all.
                if (message is not AdmissionHello)
                {
                    throw new TimeoutException($"the seed's admission gate {gate.PathString} did not answer the proof", e);
                }
            }
        }
    }

    private static NodeStartException Refused(Address self, Address seed, string reason) =>
        new($"node {self} was not admitted to the cluster of the seed {seed}: {reason}");
}
