namespace ActorIpc.Hosting;

/// <summary>A node that is about to join asks the seed's gate to admit it, with a fresh nonce.</summary>
/// <param name="Nonce">The joining node's nonce.</param>
internal sealed record AdmissionHello(byte[] Nonce);

/// <summary>
/// The gate's answer to a <see cref="AdmissionHello"/>: its own nonce and its proof that it knows
/// the secret. A gate without a secret answers with an <see cref="AdmissionAnswer"/> instead.
/// </summary>
/// <param name="Nonce">The seed's nonce.</param>
/// <param name="Proof">HMAC of both nonces under the secret (<see cref="ClusterSecret.SeedProof"/>).</param>
internal sealed record AdmissionChallenge(byte[] Nonce, byte[] Proof);

/// <summary>The joining node's proof that it knows the secret, for its own address.</summary>
/// <param name="Address">The address the node will join with.</param>
/// <param name="SeedNonce">The nonce of the challenge it answers.</param>
/// <param name="Proof">HMAC of both nonces and the address under the secret (<see cref="ClusterSecret.NodeProof"/>).</param>
internal sealed record AdmissionProof(string Address, byte[] SeedNonce, byte[] Proof);

/// <summary>The gate's last word: admitted, or refused and why.</summary>
/// <param name="Admitted">Whether the node may join.</param>
/// <param name="Reason">Why not; empty when admitted.</param>
internal sealed record AdmissionAnswer(bool Admitted, string Reason);
