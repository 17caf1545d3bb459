using System.Runtime.Serialization;
using ActorIpc.Serialization;
using Akka.Actor;
using Akka.Serialization;

namespace ActorIpc.Hosting;

/// <summary>
/// The admission's wire format (id 734): manifests <c>H</c>, <c>C</c>, <c>P</c> and <c>A</c> for
/// <see cref="AdmissionHello"/>, <see cref="AdmissionChallenge"/>, <see cref="AdmissionProof"/>
/// and <see cref="AdmissionAnswer"/>; a version byte, then nonces and proofs as length-prefixed
/// bytes and texts. Its own format, so that admitting a node depends on no allow-list.
/// </summary>
internal sealed class AdmissionSerializer : SerializerWithStringManifest
{
    private const byte Version = 1;

    // A nonce or an HMAC-SHA256 is far below this: a hostile length fails before it allocates.
    private const int MaxBytes = 64;

    public AdmissionSerializer(ExtendedActorSystem system)
        : base(system)
    {
    }

    public override int Identifier => 734;

    public override string Manifest(object o) => o switch
    {
        AdmissionHello => "H",
        AdmissionChallenge => "C",
        AdmissionProof => "P",
        AdmissionAnswer => "A",
        _ => throw Unsupported(o),
    };

    public override byte[] ToBinary(object obj) => obj switch
    {
        AdmissionHello hello => VersionedPayload.Write(Version, w => WriteBytes(w, hello.Nonce)),
        AdmissionChallenge challenge => VersionedPayload.Write(Version, w =>
        {
            WriteBytes(w, challenge.Nonce);
            WriteBytes(w, challenge.Proof);
        }),
        AdmissionProof proof => VersionedPayload.Write(Version, w =>
        {
            w.Write(proof.Address);
            WriteBytes(w, proof.SeedNonce);
            WriteBytes(w, proof.Proof);
        }),
        AdmissionAnswer answer => VersionedPayload.Write(Version, w =>
        {
            w.Write(answer.Admitted);
            w.Write(answer.Reason);
        }),
        _ => throw Unsupported(obj),
    };

    public override object FromBinary(byte[] bytes, string manifest) => manifest switch
    {
        "H" => VersionedPayload.Read(bytes, Version, "an admission hello", r => new AdmissionHello(ReadBytes(r))),
        "C" => VersionedPayload.Read(bytes, Version, "an admission challenge", r => new AdmissionChallenge(ReadBytes(r), ReadBytes(r))),
        "P" => VersionedPayload.Read(bytes, Version, "an admission proof", r => new AdmissionProof(r.ReadString(), ReadBytes(r), ReadBytes(r))),
        "A" => VersionedPayload.Read(bytes, Version, "an admission answer", r => new AdmissionAnswer(r.ReadBoolean(), r.ReadString())),
        _ => throw new SerializationException($"unknown manifest '{manifest}' for {nameof(AdmissionSerializer)}; expected 'H', 'C', 'P' or 'A'"),
    };

    private static void WriteBytes(BinaryWriter writer, byte[] bytes)
    {
        writer.Write((byte)bytes.Length);
        writer.Write(bytes);
    }

    private static byte[] ReadBytes(BinaryReader reader)
    {
        var length = reader.ReadByte();
        if (length > MaxBytes)
        {
            throw new FormatException($"{length} bytes where a nonce or a proof has at most {MaxBytes}");
        }

        var bytes = reader.ReadBytes(length);
        return bytes.Length == length ? bytes : throw new EndOfStreamException("the payload ends inside a nonce or a proof");
    }

    private static ArgumentException Unsupported(object? o) =>
        new($"{nameof(AdmissionSerializer)} writes admission messages, not {o?.GetType().FullName ?? "null"}", nameof(o));
}
