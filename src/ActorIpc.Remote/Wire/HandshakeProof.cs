using System.Security.Cryptography;

namespace ActorIpc.Remote.Wire;

/// <summary>
/// The shared-secret proofs: HMAC-SHA256 keyed with the secret over a role label and the whole
/// handshake transcript (version, both nonces, both identities). The labels differ, so a server
/// proof can never pass as a client proof; both nonces are fresh, so no proof can be replayed;
/// the identities are covered, so neither side can be impersonated with a relayed proof.
/// </summary>
internal static class HandshakeProof
{
    // Label, version, two nonces, two identities of at most varint+name, varint+address, u64.
    private const int MaxTranscriptSize = 21 + 2 + (2 * WireProtocol.NonceSize)
        + (2 * (5 + WireProtocol.MaxSystemNameBytes + 5 + WireProtocol.MaxAddressBytes + 8));

    // Same length, so one label is never a prefix of the other.
    private static ReadOnlySpan<byte> ClientLabel => "ActorIpc client proof"u8;

    private static ReadOnlySpan<byte> ServerLabel => "ActorIpc server proof"u8;

    /// <summary>The proof the client sends in Proof.</summary>
    public static void ComputeClientProof(ReadOnlySpan<byte> secret, ushort version, ReadOnlySpan<byte> clientNonce, ReadOnlySpan<byte> serverNonce, NodeIdentity client, NodeIdentity server, Span<byte> proof)
        => Compute(ClientLabel, secret, version, clientNonce, serverNonce, client, server, proof);

    /// <summary>The proof the server sends in Challenge.</summary>
    public static void ComputeServerProof(ReadOnlySpan<byte> secret, ushort version, ReadOnlySpan<byte> clientNonce, ReadOnlySpan<byte> serverNonce, NodeIdentity client, NodeIdentity server, Span<byte> proof)
        => Compute(ServerLabel, secret, version, clientNonce, serverNonce, client, server, proof);

    /// <summary>Compares proofs in constant time, so the comparison leaks nothing about how much matched.</summary>
    public static bool Matches(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> received)
        => CryptographicOperations.FixedTimeEquals(expected, received);

    private static void Compute(ReadOnlySpan<byte> label, ReadOnlySpan<byte> secret, ushort version, ReadOnlySpan<byte> clientNonce, ReadOnlySpan<byte> serverNonce, NodeIdentity client, NodeIdentity server, Span<byte> proof)
    {
        Span<byte> transcript = stackalloc byte[MaxTranscriptSize];
        var writer = new FrameSpanWriter(transcript);
        writer.WriteBytes(label);
        writer.WriteUInt16(version);
        writer.WriteBytes(clientNonce);
        writer.WriteBytes(serverNonce);
        WriteIdentity(ref writer, client);
        WriteIdentity(ref writer, server);
        HMACSHA256.HashData(secret, transcript[..writer.Position], proof);
    }

    // Strings carry their length prefix so that no two different transcripts concatenate to the same bytes.
    private static void WriteIdentity(ref FrameSpanWriter writer, NodeIdentity identity)
    {
        writer.WriteString(identity.SystemName, WireText.GetByteCount(identity.SystemName));
        writer.WriteString(identity.Address, WireText.GetByteCount(identity.Address));
        writer.WriteUInt64(identity.Incarnation);
    }
}
