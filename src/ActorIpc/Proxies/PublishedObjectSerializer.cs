using System.Runtime.Serialization;
using Akka.Actor;
using Akka.Serialization;

namespace ActorIpc;

/// <summary>
/// The wire format of published objects (identifier 733), bound to their three internal messages
/// in the reference configuration, so that those messages need no entry in the allow-list and
/// strings and primitives need no Hyperion. Manifest <c>C</c>: a call, as a version byte, the
/// interface's full name, the method's signature, the count of arguments and each argument;
/// <c>R</c>: a result, as a version byte and the value; <c>X</c>: a refusal, as a version byte,
/// the kind, the published interface, the refused type, the reason, the publisher and its process
/// id. Values as <see cref="PublishedObjectCodec"/> writes them. A call or result made to cross
/// is written as its sender encoded it (<see cref="PublishedObjectCall.Payload"/>). Manifests
/// <c>J</c> and <c>K</c>: a JSON call and its answer, as <see cref="JsonCallCodec"/> writes them
/// (after the proxies' three in every switch, so that their messages are matched first).
/// </summary>
internal sealed class PublishedObjectSerializer : SerializerWithStringManifest
{
    private const string CallManifest = "C";
    private const string ResultManifest = "R";
    private const string RefusalManifest = "X";
    private const string JsonCallManifest = "J";
    private const string JsonAnswerManifest = "K";

    private readonly PublishedObjectCodec _codec;

    public PublishedObjectSerializer(ExtendedActorSystem system)
        : base(system)
    {
        ArgumentNullException.ThrowIfNull(system);
        _codec = new PublishedObjectCodec(system);
    }

    public override int Identifier => 733;

    public override string Manifest(object o) => o switch
    {
        PublishedObjectCall => CallManifest,
        PublishedObjectResult => ResultManifest,
        PublishedObjectRefusal => RefusalManifest,
        PublishedObjectJsonCall => JsonCallManifest,
        PublishedObjectJsonAnswer => JsonAnswerManifest,
        _ => throw Unsupported(o),
    };

    public override byte[] ToBinary(object obj) => obj switch
    {
        PublishedObjectCall call => call.Payload ?? _codec.EncodeCall(call.Service, call.Method, call.Arguments),
        PublishedObjectResult result => result.Payload ?? _codec.EncodeResult(result.Value),
        PublishedObjectRefusal refusal => _codec.EncodeRefusal(refusal),
        PublishedObjectJsonCall call => JsonCallCodec.EncodeCall(call),
        PublishedObjectJsonAnswer answer => JsonCallCodec.EncodeAnswer(answer),
        _ => throw Unsupported(obj),
    };

    public override object FromBinary(byte[] bytes, string manifest) => manifest switch
    {
        CallManifest => _codec.DecodeCall(bytes),
        ResultManifest => _codec.DecodeResult(bytes),
        RefusalManifest => _codec.DecodeRefusal(bytes),
        JsonCallManifest => JsonCallCodec.DecodeCall(bytes),
        JsonAnswerManifest => JsonCallCodec.DecodeAnswer(bytes),
        _ => throw new SerializationException(
            $"unknown manifest '{manifest}' for {nameof(PublishedObjectSerializer)}; expected '{CallManifest}', '{ResultManifest}', '{RefusalManifest}', '{JsonCallManifest}' or '{JsonAnswerManifest}'"),
    };

    private static ArgumentException Unsupported(object? o) =>
        new($"{nameof(PublishedObjectSerializer)} writes published objects' calls, results, refusals, JSON calls and JSON answers, not {o?.GetType().FullName ?? "null"}", nameof(o));
}
