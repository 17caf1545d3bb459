using ActorIpc.Remote.Wire;

namespace ActorIpc.Remote.Tests.Wire;

public sealed class HandshakeProofTests
{
    private static readonly NodeIdentity Client = new("client", "actoripc.unix://client@%2Frun%2Fc.sock", 1);
    private static readonly NodeIdentity Server = new("server", "actoripc.tcp://server@127.0.0.1:4000", 2);
    private static readonly byte[] ClientNonce = Enumerable.Range(0x00, 32).Select(i => (byte)i).ToArray();
    private static readonly byte[] ServerNonce = Enumerable.Range(0x80, 32).Select(i => (byte)i).ToArray();

    // The test vectors of docs/wire-protocol.md, cross-checked with Python's hmac module.
    [Theory]
    [InlineData("s3cret", false, "d3955dbb50ab3dea8ef621d6f9ce89b7afc9396fae6e38a53a12ecb15658cc75")]
    [InlineData("s3cret", true, "17b13ff8b98febabca5ab94f9a912bcc0e09179d0599d6f458075ba7815ab2ce")]
    [InlineData("", true, "b6aacf0f1b1463e6445a117aa69f5e85c910397dc4b7007e9bd232e0b6435c23")]
    public void Compute_DocumentedInputs_GiveTheDocumentedProof(string secret, bool server, string expectedHex)
    {
        var proof = new byte[32];
        var key = System.Text.Encoding.UTF8.GetBytes(secret);

        if (server)
        {
            HandshakeProof.ComputeServerProof(key, 1, ClientNonce, ServerNonce, Client, Server, proof);
        }
        else
        {
            HandshakeProof.ComputeClientProof(key, 1, ClientNonce, ServerNonce, Client, Server, proof);
        }

        Assert.Equal(expectedHex, WireBytes.Hex(proof));
    }

    [Fact]
    public void Compute_ClientAndServerRoles_GiveDifferentProofs()
    {
        var client = new byte[32];
        var server = new byte[32];

        HandshakeProof.ComputeClientProof("k"u8, 1, ClientNonce, ServerNonce, Client, Server, client);
        HandshakeProof.ComputeServerProof("k"u8, 1, ClientNonce, ServerNonce, Client, Server, server);

        Assert.False(HandshakeProof.Matches(client, server));
    }

    [Fact]
    public void Compute_IdentitiesWithShiftedBoundary_GiveDifferentProofs()
    {
        // "ab" + "c" and "a" + "bc" concatenate alike; the length prefixes keep the transcripts apart.
        var first = new byte[32];
        var second = new byte[32];

        HandshakeProof.ComputeClientProof("k"u8, 1, ClientNonce, ServerNonce, new NodeIdentity("ab", "c", 1), Server, first);
        HandshakeProof.ComputeClientProof("k"u8, 1, ClientNonce, ServerNonce, new NodeIdentity("a", "bc", 1), Server, second);

        Assert.False(HandshakeProof.Matches(first, second));
    }
}
