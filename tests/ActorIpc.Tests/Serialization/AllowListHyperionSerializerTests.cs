using System.Collections.Immutable;
using ActorIpc.Serialization;
using ActorIpc.Tests.Serialization.Errors;
using ActorIpc.Tests.Serialization.Hidden;
using Akka.Actor;
using static ActorIpc.Tests.Serialization.Messages.TestMessages;

namespace ActorIpc.Tests.Serialization;

public sealed class AllowListHyperionSerializerTests(SerializationFixture fixture) : IClassFixture<SerializationFixture>
{
    private const string SecretName = "ActorIpc.Tests.Serialization.Hidden.HiddenTypes+Secret";

    [Fact]
    public void FindSerializerFor_UserRecord_IsTheAllowListSerializerWithHyperionsId()
    {
        var serializer = fixture.System.Serialization.FindSerializerFor(new Line(1, "a"));

        Assert.IsType<AllowListHyperionSerializer>(serializer);
        Assert.Equal(-5, serializer.Identifier);
    }

    [Fact]
    public void RoundTrip_RecordWithCollectionsGuidDatesDecimalsEnumAndUri_ArrivesIntact()
    {
        var order = new Order(
            Guid.NewGuid(), "ada", new DateTimeOffset(2026, 7, 12, 9, 30, 0, TimeSpan.FromHours(2)), [1.5m, 2.25m],
            ["rush", "gift"], ImmutableDictionary<string, int>.Empty.Add("a", 1).Add("b", 2),
            new Dictionary<string, Line> { ["x"] = new(2, "sku-1") }, Priority.High, [3, 4, 5], new Uri("https://example.org/orders/7?x=1"));

        var arrived = fixture.RoundTrip<Order>(order);

        Assert.Equal(order.Id, arrived.Id);
        Assert.Equal(order.Customer, arrived.Customer);
        Assert.Equal(order.Placed, arrived.Placed);
        Assert.Equal(order.Placed.Offset, arrived.Placed.Offset);
        Assert.Equal(order.Amounts, arrived.Amounts);
        Assert.Equal(order.Tags, arrived.Tags);
        Assert.Equal(order.Counts, arrived.Counts);
        Assert.Equal(order.Lines, arrived.Lines);
        Assert.Equal(Priority.High, arrived.Priority);
        Assert.Equal(order.Numbers, arrived.Numbers);
        Assert.Equal(order.Link, arrived.Link);
    }

    [Fact]
    public void RoundTrip_GenericsOfAllowedTypesNestedTwoDeep_ArriveIntact()
    {
        var envelope = new Envelope<Envelope<List<Line>>>(new(new List<Line> { new(1, "a"), new(2, "b") }));

        var arrived = fixture.RoundTrip<Envelope<Envelope<List<Line>>>>(envelope);

        Assert.Equal(envelope.Body.Body, arrived.Body.Body);
    }

    [Fact]
    public async Task RoundTrip_MessageWithActorRefs_ArrivesWithWorkingReferences()
    {
        var inbox = Inbox.Create(fixture.System);

        var arrived = fixture.RoundTrip<WithRef>(new WithRef(inbox.Receiver, "hello"));
        var list = fixture.RoundTrip<WithRefs>(new WithRefs([inbox.Receiver]));
        arrived.ReplyTo.Tell("answer");

        Assert.Equal(inbox.Receiver, Assert.Single(list.ReplyTo));
        Assert.Equal("answer", await inbox.ReceiveAsync(TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public void RoundTrip_RecordWithAnException_ArrivesWithTheExceptionIntact()
    {
        var error = Throwing.Catch(() => throw new TestErrors.QuotaExceededException("quota of 5 exceeded") { Code = 42 });

        var arrived = fixture.RoundTrip<WithError>(new WithError("note", error));

        var quota = Assert.IsType<TestErrors.QuotaExceededException>(arrived.Error);
        Assert.Equal(42, quota.Code);
        Assert.Equal("quota of 5 exceeded", quota.Message);
        Assert.Contains(nameof(RoundTrip_RecordWithAnException_ArrivesWithTheExceptionIntact), quota.StackTrace, StringComparison.Ordinal);
    }

    [Fact]
    public void FromBinary_TypeNotAllowed_ThrowsTypeNotAllowedExceptionNamingTheTypeAndTheSetting()
    {
        var error = Assert.Throws<TypeNotAllowedException>(() =>
            fixture.RoundTrip<object>(new HiddenTypes.Secret("s"), fixture.Permissive));

        Assert.Equal(SecretName, error.TypeName);
        Assert.Null(error.Sender);
        Assert.Contains($"'{SecretName}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("an unknown sender", error.Message, StringComparison.Ordinal);
        Assert.Contains("actoripc.serialization.allowed-types", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"ActorIpc.Tests.Serialization.Hidden.*\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromBinary_TypeArgumentTwoDeepNotAllowed_NamesTheArgumentAndTheMessageType()
    {
        var message = new Envelope<Envelope<HiddenTypes.Secret>>(new(new("s")));

        var error = Assert.Throws<TypeNotAllowedException>(() => fixture.RoundTrip<object>(message, fixture.Permissive));

        Assert.Equal(SecretName, error.TypeName);
        Assert.Contains("Envelope`1[ActorIpc.Tests.Serialization.Messages.TestMessages+Envelope`1[" + SecretName + "]]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromBinary_NotAllowedTypeInsideAnObjectField_IsRefused()
    {
        var error = Assert.Throws<TypeNotAllowedException>(() =>
            fixture.RoundTrip<object>(new WithObject(new HiddenTypes.Secret("s")), fixture.Permissive));

        Assert.Equal(SecretName, error.TypeName);
    }

    [Fact]
    public void FromBinary_AfterARefusal_AllowedMessagesStillDeserialize()
    {
        Assert.Throws<TypeNotAllowedException>(() => fixture.RoundTrip<object>(new HiddenTypes.Secret("s"), fixture.Permissive));

        Assert.Equal(new Line(3, "c"), fixture.RoundTrip<Line>(new Line(3, "c"), fixture.Permissive));
    }

    [Fact]
    public void ToBinary_TypeNotAllowed_ThrowsNotSent()
    {
        var serializer = fixture.System.Serialization.FindSerializerFor(new HiddenTypes.Secret("s"));

        var error = Assert.Throws<TypeNotAllowedException>(() => serializer.ToBinary(new HiddenTypes.Secret("s")));

        Assert.Equal(SecretName, error.TypeName);
        Assert.Null(error.Sender);
        Assert.Contains("not sent", error.Message, StringComparison.Ordinal);
    }
}
