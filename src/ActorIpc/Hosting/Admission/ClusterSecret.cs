using System.Security.Cryptography;
using System.Text;
using ActorIpc.Configuration;
using ActorIpc.Hocon;

namespace ActorIpc.Hosting;

/// <summary>
/// The cluster's secret (<c>actoripc.node.secret</c>, <c>ACTORIPC_SECRET</c>) and the proofs made
/// of it. The secret itself never crosses: each side proves it knows it with an HMAC-SHA256 of
/// both sides' fresh nonces, so a proof seen once is worth nothing the next time.
/// </summary>
internal static class ClusterSecret
{
    /// <summary>The setting that holds the secret.</summary>
    public const string Path = "actoripc.node.secret";

    /// <summary>The bytes of a nonce.</summary>
    public const int NonceLength = 16;

    /// <summary>The secret in <paramref name="config"/>; empty when there is none.</summary>
    public static string Read(Config config) => config.HasPath(Path) ? config.GetString(Path) ?? "" : "";

    /// <summary>A new secret: 32 random bytes as base64url text, for a fleet's parent that was given none.</summary>
    public static string Generate() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// <paramref name="config"/> with a generated secret when it has none and it is the
    /// configuration of a fleet's parent (a topology in <c>actoripc.processes</c>) that is its
    /// cluster's seed: its children are handed the secret, and nobody else can join. A node that
    /// joins another's cluster, or runs no fleet, keeps what it was given.
    /// </summary>
    public static Config EnsureForFleet(Config config, NodeSettings settings)
    {
        if (Read(config).Length > 0 || settings.Seed is not null || !HasTopology(config))
        {
            return config;
        }

        var options = ActorIpcConfig.Unresolved with { OriginName = "a secret generated for the fleet" };
        return ConfigFactory.ParseString($"{Path} = \"{Generate()}\"", options).WithFallback(config).Resolve();
    }

    /// <summary>A fresh random nonce.</summary>
    public static byte[] NewNonce() => RandomNumberGenerator.GetBytes(NonceLength);

    /// <summary>What the seed answers a joining node's nonce with: proof that it knows the secret.</summary>
    public static byte[] SeedProof(string secret, byte[] nodeNonce, byte[] seedNonce) =>
        Mac(secret, "seed", nodeNonce, seedNonce, "");

    /// <summary>What a joining node at <paramref name="address"/> answers the seed's challenge with.</summary>
    public static byte[] NodeProof(string secret, byte[] nodeNonce, byte[] seedNonce, string address) =>
        Mac(secret, "node", seedNonce, nodeNonce, address);

    /// <summary>Whether <paramref name="proof"/> is <paramref name="expected"/>, in constant time.</summary>
    public static bool Matches(byte[] proof, byte[] expected) =>
        proof.Length == expected.Length && CryptographicOperations.FixedTimeEquals(proof, expected);

    private static bool HasTopology(Config config) =>
        config.HasPath(FleetSettings.ProcessesSection) && config.GetKeys(FleetSettings.ProcessesSection).Count > 0;

    // The role first, so that a seed's proof is never a node's: each side proves for itself.
    private static byte[] Mac(string secret, string role, byte[] first, byte[] second, string address)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write("actoripc-admission-1");
            writer.Write(role);
            writer.Write(first.Length);
            writer.Write(first);
            writer.Write(second.Length);
            writer.Write(second);
            writer.Write(address);
        }

        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), stream.ToArray());
    }
}
