using System.Buffers;
using ActorIpc.Hocon;
using ActorIpc.Remote.Serialization;

namespace ActorIpc.Remote.Tests.Serialization;

public sealed class ActorMessageSerializerTests
{
    private readonly SerializationRegistry _registry = new(ConfigFactory.Empty);

    [Fact]
    public void Identify_WithIdsOfAnyAllowedType_RoundTrips()
    {
        Assert.Equal(new Identify("by name"), RoundTrip(new Identify("by name")));
        Assert.Equal(new Identify(42), RoundTrip(new Identify(42)));
        Assert.Equal(new Identify(null), RoundTrip(new Identify(null)));
    }

    [Fact]
    public void ActorIdentity_SubjectTravelsAsAPath()
    {
        var (context, codec) = Context();
        var subject = codec.FromPath("actoripc.unix://worker@worker-1/user/callee#7");

        var back = (ActorIdentity)RoundTrip(new ActorIdentity("id", subject), context);

        Assert.Equal("id", back.MessageId);
        Assert.Equal("actoripc.unix://worker@worker-1/user/callee#7", back.Subject!.Path.ToStringWithUid());
        Assert.Null(((ActorIdentity)RoundTrip(new ActorIdentity(1, null), context)).Subject);
    }

    [Fact]
    public void PoisonPillAndKill_RoundTripAsTheSingletons()
    {
        Assert.Same(PoisonPill.Instance, RoundTrip(PoisonPill.Instance));
        Assert.Same(Kill.Instance, RoundTrip(Kill.Instance));
    }

    [Fact]
    public void Identify_NestingItsOwnKind_IsRefused()
    {
        Assert.Throws<SerializationException>(() => RoundTrip(new Identify(new Identify(1))));
    }

    private object RoundTrip(object message, SerializationContext? context = null)
    {
        context ??= Context().Context;
        var serializer = _registry.FindSerializerFor(message);
        var buffer = new ArrayBufferWriter<byte>();
        _registry.Serialize(message, serializer, buffer, context);
        return _registry.Deserialize(serializer.Identifier, serializer.Manifest(message), new ReadOnlySequence<byte>(buffer.WrittenMemory), context);
    }

    private static (SerializationContext Context, PathCodec Codec) Context()
    {
        var codec = new PathCodec();
        return (new SerializationContext(codec, null), codec);
    }

    private sealed class PathCodec : IActorRefCodec
    {
        public string ToPath(IActorRef actorRef) => actorRef.Path.ToStringWithUid();

        public IActorRef FromPath(string path) => new PathOnlyRef(ActorPath.Parse(path));
    }

    private sealed class PathOnlyRef(ActorPath path) : IActorRef
    {
        public ActorPath Path { get; } = path;

        public void Tell(object message, IActorRef? sender)
        {
        }

        public bool Equals(IActorRef? other) => other is not null && other.Path.Equals(Path);

        public int CompareTo(IActorRef? other) => string.CompareOrdinal(Path.ToString(), other?.Path.ToString());
    }
}
