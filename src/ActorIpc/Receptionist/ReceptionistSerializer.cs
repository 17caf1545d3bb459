using System.Text;
using Akka.Actor;
using Akka.Serialization;

namespace ActorIpc;

/// <summary>
/// The receptionists' wire format (id 732): a <see cref="ReceptionistSnapshot"/> as a version
/// byte, the sender's address, incarnation, process id and version, then each key id with the paths of its
/// callees. A format of its own rather than Hyperion's, so that the receptionists' messages do
/// not depend on what a node's allow-list admits.
/// </summary>
internal sealed class ReceptionistSerializer : Serializer
{
    private const byte FormatVersion = 1;

    // Bounds that a well-formed snapshot never reaches: a corrupt or hostile payload fails fast
    // instead of allocating what its counts claim.
    private const int MaxKeys = 100_000;
    private const int MaxCallees = 1_000_000;

    public ReceptionistSerializer(ExtendedActorSystem system)
        : base(system)
    {
    }

    public override int Identifier => 732;

    public override bool IncludeManifest => false;

    public override byte[] ToBinary(object obj)
    {
        if (obj is not ReceptionistSnapshot snapshot)
        {
            throw new ArgumentException($"the receptionist serializer writes {nameof(ReceptionistSnapshot)}s, not {obj?.GetType().FullName ?? "null"}", nameof(obj));
        }

        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(FormatVersion);
            writer.Write(snapshot.From.ToString());
            writer.Write(snapshot.Uid);
            writer.Write(snapshot.ProcessId);
            writer.Write(snapshot.Version);
            writer.Write(snapshot.Entries.Count);
            foreach (var (id, callees) in snapshot.Entries)
            {
                writer.Write(id);
                writer.Write(callees.Length);
                foreach (var callee in callees)
                {
                    writer.Write(Akka.Serialization.Serialization.SerializedActorPath(callee));
                }
            }
        }

        return stream.ToArray();
    }

    public override object FromBinary(byte[] bytes, Type type)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var reader = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
        var version = reader.ReadByte();
        if (version != FormatVersion)
        {
            throw new System.Runtime.Serialization.SerializationException($"receptionist snapshot format {version} is not known here (this node reads {FormatVersion})");
        }

        var from = Address.Parse(reader.ReadString());
        var uid = reader.ReadInt32();
        var processId = reader.ReadInt32();
        var snapshotVersion = reader.ReadInt64();
        var keys = Count(reader, MaxKeys, "keys");
        var entries = new Dictionary<string, IActorRef[]>(keys, StringComparer.Ordinal);
        for (var k = 0; k < keys; k++)
        {
            var id = reader.ReadString();
            var callees = new IActorRef[Count(reader, MaxCallees, "callees")];
            for (var c = 0; c < callees.Length; c++)
            {
                callees[c] = system.Provider.ResolveActorRef(reader.ReadString());
            }

            entries[id] = callees;
        }

        return new ReceptionistSnapshot(from, uid, processId, snapshotVersion, entries);
    }

    private static int Count(BinaryReader reader, int max, string what)
    {
        var count = reader.ReadInt32();
        return count >= 0 && count <= max
            ? count
            : throw new System.Runtime.Serialization.SerializationException($"a receptionist snapshot with {count} {what} is malformed");
    }
}
