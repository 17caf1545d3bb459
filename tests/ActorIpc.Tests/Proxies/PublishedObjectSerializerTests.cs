using System.Runtime.Serialization;
using ActorIpc.Configuration;
using ActorIpc.Serialization;
using ActorIpc.Tests.Proxies.Contracts;
using ActorIpc.Tests.Proxies.Fenced;
using Akka.Actor;

namespace ActorIpc.Tests.Proxies;

/// <summary>The wire format of published objects, between local actor systems configured like nodes.</summary>
public sealed class PublishedObjectSerializerTests : IAsyncLifetime
{
    private const string Contracts = """
        akka.actor.provider = local
        akka.loglevel = WARNING
        actoripc.serialization.allowed-types += "ActorIpc.Tests.Proxies.Contracts.*"
        """;

    private readonly ActorSystem _strict = Create("strict", Contracts);
    private readonly ActorSystem _permissive = Create("permissive", Contracts + "\nactoripc.serialization.allowed-types += \"ActorIpc.Tests.Proxies.Fenced.*\"");
    private readonly ActorSystem _bare = Create("bare", "akka.actor.provider = local\nactoripc.serialization.system-types = []");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _strict.Terminate();
        await _permissive.Terminate();
        await _bare.Terminate();
    }

    [Fact]
    public void FindSerializerFor_CallResultAndRefusal_IsThePublishedObjectSerializer()
    {
        object[] messages = [Call("x"), PublishedObjectResult.Done, Refusal()];

        Assert.All(messages, message => Assert.Equal(733, _strict.Serialization.FindSerializerFor(message).Identifier));
    }

    [Fact]
    public void RoundTrip_CallWithPrimitivesNullEnumCollectionsAndARecord_ArrivesIntact()
    {
        var invoice = new Invoice("ada", new List<decimal> { 1.5m });
        object?[] arguments = ["text", 42, 1L << 40, null, 2.5, 7.25m, 'x', Guid.Empty, TimeSpan.FromSeconds(3), Priority.High, new byte[] { 1, 2 }, new List<int> { 1, 2 }, invoice];

        var call = RoundTrip<PublishedObjectCall>(Call(arguments), _strict, _strict);

        Assert.Equal("ActorIpc.Tests.Proxies.Contracts.ICalculator", call.Service);
        Assert.Equal("Task M()", call.Method);
        Assert.Null(call.ArgumentError);
        Assert.Null(call.Payload);
        Assert.Equal(arguments.Take(12).Select(a => a?.GetType()), call.Arguments.Take(12).Select(a => a?.GetType()));
        Assert.Equal(arguments.Take(10), call.Arguments.Take(10));
        Assert.Equal([1, 2], (byte[])call.Arguments[10]!);
        Assert.Equal([1, 2], (List<int>)call.Arguments[11]!);
        var arrived = Assert.IsType<Invoice>(call.Arguments[12]);
        Assert.Equal((invoice.Customer, 1.5m), (arrived.Customer, Assert.Single(arrived.Lines)));
    }

    [Fact]
    public void RoundTrip_StringsAndPrimitives_NeedNoHyperionAndNoAllowList()
    {
        var call = RoundTrip<PublishedObjectCall>(Call("text", 42, true, 1.5, DateTimeOffset.UnixEpoch), _bare, _bare);

        Assert.Null(call.ArgumentError);
        Assert.Equal(["text", 42, true, 1.5, DateTimeOffset.UnixEpoch], call.Arguments);
    }

    [Fact]
    public void RoundTrip_ArgumentOfATypeNotAllowedWhereItArrives_ArrivesWithTheRefusalInsteadOfBeingDropped()
    {
        var call = RoundTrip<PublishedObjectCall>(Call("first", new PublisherOnly("x")), _permissive, _strict);

        var refusal = Assert.IsType<TypeNotAllowedException>(call.ArgumentError);
        Assert.Equal(typeof(PublisherOnly).FullName, refusal.TypeName);
        Assert.Equal("first", call.Arguments[0]);
    }

    [Fact]
    public void RoundTrip_ResultOfATypeNotAllowedWhereItArrives_ArrivesWithTheRefusal()
    {
        var result = RoundTrip<PublishedObjectResult>(new PublishedObjectResult(new Unlisted("x")), _permissive, _strict);

        Assert.Null(result.Value);
        Assert.Equal(typeof(Unlisted).FullName, Assert.IsType<TypeNotAllowedException>(result.Error).TypeName);
    }

    [Fact]
    public void RoundTrip_ResultWithThePayloadTheSenderMade_IsWrittenAsMade()
    {
        var payload = new PublishedObjectCodec((ExtendedActorSystem)_strict).EncodeResult("made");

        var result = RoundTrip<PublishedObjectResult>(new PublishedObjectResult("other", payload), _strict, _strict);

        Assert.Equal("made", result.Value);
    }

    [Fact]
    public void RoundTrip_Refusal_ArrivesIntact()
    {
        var refusal = Refusal();

        Assert.Equal(refusal, RoundTrip<PublishedObjectRefusal>(refusal, _strict, _strict));
        Assert.Equal(refusal with { TypeName = null }, RoundTrip<PublishedObjectRefusal>(refusal with { TypeName = null }, _strict, _strict));
    }

    [Fact]
    public void EncodeCall_ArgumentOfATypeNotAllowedHere_ThrowsTypeNotAllowedAndSendsNothing()
    {
        var codec = new PublishedObjectCodec((ExtendedActorSystem)_strict);

        var error = Assert.Throws<TypeNotAllowedException>(() => codec.EncodeCall("I", "Task M()", [new PublisherOnly("x")]));

        Assert.Contains("so the message was not sent", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RoundTrip_SameNamesTwice_ReadsThemAsTheSameStrings()
    {
        var first = RoundTrip<PublishedObjectCall>(Call(1), _strict, _strict);
        var second = RoundTrip<PublishedObjectCall>(Call(2), _strict, _strict);

        // The names are kept from the first call, not allocated again for the second.
        Assert.Equal(typeof(ICalculator).FullName, second.Service);
        Assert.Equal("Task M()", second.Method);
        Assert.Same(first.Service, second.Service);
        Assert.Same(first.Method, second.Method);
        Assert.Equal([2], second.Arguments);
    }

    [Fact]
    public void RoundTrip_LongAndNonAsciiNames_ArriveIntact()
    {
        var longName = "MyApp." + new string('N', 600);
        var call = PublishedObjectCall.Arrived(longName, "Task<Überweisung> Prüfe(Straße)", ["ß"], null);

        var arrived = RoundTrip<PublishedObjectCall>(call, _strict, _strict);

        Assert.Equal(longName, arrived.Service);
        Assert.Equal("Task<Überweisung> Prüfe(Straße)", arrived.Method);
        Assert.Equal(["ß"], arrived.Arguments);
    }

    [Fact]
    public void FromBinary_CallCutInsideAName_ThrowsSerializationException()
    {
        var call = _strict.Serialization.FindSerializerFor(PublishedObjectResult.Done).ToBinary(Call("text"));

        Assert.Throws<SerializationException>(() => _strict.Serialization.Deserialize(call[..10], 733, "C"));
        Assert.Throws<SerializationException>(() => _strict.Serialization.Deserialize([1, 0xFF, 0xFF, 0xFF, 0xFF, 0x07, 65], 733, "C"));
    }

    [Fact]
    public void EncodeCall_AfterAnArgumentWasRefused_WritesOnlyItsOwnCall()
    {
        var codec = new PublishedObjectCodec((ExtendedActorSystem)_strict);
        Assert.Throws<TypeNotAllowedException>(() => codec.EncodeCall("I", "Task M()", ["half", new PublisherOnly("x")]));

        var call = codec.DecodeCall(codec.EncodeCall("J", "Task N(int)", [7]));

        Assert.Equal(("J", "Task N(int)"), (call.Service, call.Method));
        Assert.Equal([7], call.Arguments);
    }

    [Fact]
    public void EncodeCall_ArgumentWrittenInThisFormatToo_BothPayloadsArriveIntact()
    {
        // The argument's serializer is this format's, so its payload is written while the call's is.
        var codec = new PublishedObjectCodec((ExtendedActorSystem)_strict);

        var call = codec.DecodeCall(codec.EncodeCall("I", "Task M(object)", [new PublishedObjectResult("inner"), "after"]));

        Assert.Equal("inner", Assert.IsType<PublishedObjectResult>(call.Arguments[0]).Value);
        Assert.Equal("after", call.Arguments[1]);
    }

    [Fact]
    public void FromBinary_MalformedPayloads_ThrowSerializationException()
    {
        var serializer = _strict.Serialization.FindSerializerFor(PublishedObjectResult.Done);
        var call = serializer.ToBinary(Call("text", 42));

        Assert.Throws<SerializationException>(() => _strict.Serialization.Deserialize(call[..^3], 733, "C"));
        Assert.Throws<SerializationException>(() => _strict.Serialization.Deserialize([9, .. call[1..]], 733, "C"));
        Assert.Throws<SerializationException>(() => _strict.Serialization.Deserialize(call, 733, "Q"));
        Assert.Throws<SerializationException>(() => _strict.Serialization.Deserialize([1, 99], 733, "R"));
    }

    private static ActorSystem Create(string name, string config) =>
        ActorSystem.Create(name, ActorIpcConfig.Parse(config, "test.conf").ToAkkaConfig());

    /// <summary>A call without a payload: the serializer of the system that sends it encodes it.</summary>
    private static PublishedObjectCall Call(params object?[] arguments) =>
        PublishedObjectCall.Arrived(typeof(ICalculator).FullName!, "Task M()", arguments, null);

    private static PublishedObjectRefusal Refusal() =>
        new(RefusalKind.ResultRefused, "MyApp.ICalculator", "MyApp.Secret", "not allowed", "akka.tcp://a@127.0.0.1:1/system/x", 1234);

    [Fact]
    public void RoundTrip_JsonCallWithAndWithoutService_ArrivesIntactWithoutTheAllowList()
    {
        var named = new PublishedObjectJsonCall("ICalculator", "Add", "[2, 3]");
        var unnamed = new PublishedObjectJsonCall(null, "Count", "[]");

        Assert.Equal(733, _bare.Serialization.FindSerializerFor(named).Identifier);
        Assert.Equal(named, RoundTrip<PublishedObjectJsonCall>(named, _bare, _bare));
        Assert.Equal(unnamed, RoundTrip<PublishedObjectJsonCall>(unnamed, _bare, _bare));
    }

    [Theory]
    [InlineData(1, "{\"total\": 3}", null)]
    [InlineData(2, "boom", "System.InvalidOperationException")]
    [InlineData(3, "no method Multiply", null)]
    public void RoundTrip_JsonAnswer_ArrivesIntact(byte outcome, string text, string? exceptionType)
    {
        var answer = new PublishedObjectJsonAnswer((JsonCallOutcome)outcome, text, exceptionType, "akka.tcp://a@127.0.0.1:1/system/x", 4242);

        Assert.Equal(answer, RoundTrip<PublishedObjectJsonAnswer>(answer, _bare, _bare));
    }

    [Fact]
    public void FromBinary_JsonAnswerOfAnUnknownOutcome_ThrowsSerializationException()
    {
        var answer = new PublishedObjectJsonAnswer(JsonCallOutcome.Returned, "1", null, "p", 1);
        var serializer = _bare.Serialization.FindSerializerFor(answer);
        var bytes = serializer.ToBinary(answer);
        bytes[1] = 9;

        var error = Assert.Throws<SerializationException>(() => _bare.Serialization.Deserialize(bytes, serializer.Identifier, "K"));

        Assert.Contains("unknown outcome 9", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Serializes in <paramref name="from"/> as Akka.Remote does, and deserializes in <paramref name="to"/>.</summary>
    private static T RoundTrip<T>(object message, ActorSystem from, ActorSystem to)
    {
        var serializer = from.Serialization.FindSerializerFor(message);
        var bytes = serializer.ToBinary(message);
        var manifest = Akka.Serialization.Serialization.ManifestFor(serializer, message);
        return Assert.IsType<T>(to.Serialization.Deserialize(bytes, serializer.Identifier, manifest));
    }
}
