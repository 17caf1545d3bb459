using ActorIpc.Serialization;
using ActorIpc.TestNode.Messages;
using ActorIpc.TestNode.Secret;
using Akka.Actor;
using Akka.Event;

namespace ActorIpc.MultiProcess.Tests;

[Collection(TestNodeCollection.Name)]
public sealed class MessageCrossingTests(TestNodeFixture fixture) : NodeTestKit(fixture)
{
    [Fact]
    public async Task Ask_RecordWithImmutableCollectionsGuidDateTimeOffsetAndDecimals_ComesBackIntact()
    {
        var order = Order.Sample();

        var echoed = await Fixture.Echo.Ask<Order>(order, CallTimeout);

        Assert.NotSame(order, echoed);
        Assert.Equal(order.Id, echoed.Id);
        Assert.Equal(order.Customer, echoed.Customer);
        Assert.Equal(order.Placed, echoed.Placed);
        Assert.Equal(order.Placed.Offset, echoed.Placed.Offset);
        Assert.Equal(order.Amounts, echoed.Amounts);
        Assert.Equal(order.Tags, echoed.Tags);
        Assert.Equal(order.Counts, echoed.Counts);
        Assert.Equal(OrderState.Shipped, echoed.State);
    }

    [Fact]
    public async Task Tell_MessageCarryingAnActorRef_IsAnsweredThroughThatRef()
    {
        var probe = CreateTestProbe();

        Fixture.Echo.Tell(new Ping(probe.Ref, "hello"));

        var pong = await probe.ExpectMsgAsync<Pong>(CallTimeout);
        Assert.Equal("hello", pong.Text);
        Assert.Equal(Fixture.Echo.Path, pong.From.Path);
        Assert.Equal("again", await pong.From.Ask<string>("again", CallTimeout));
    }

    [Fact]
    public async Task Receive_TypeThisProcessDoesNotAllow_IsRefusedNamingTypeAndSenderAndTheNextMessageArrives()
    {
        var warnings = CreateTestProbe();
        Sys.EventStream.Subscribe(warnings.Ref, typeof(Warning));
        var target = CreateTestProbe();

        // The child allows SecretOrder and sends it; this process does not allow it.
        Fixture.Relay.Tell(new SendTo(target.Ref, "secret"));
        Fixture.Relay.Tell(new SendTo(target.Ref, "order"));

        var warning = await warnings.FishForMessageAsync<Warning>(w => w.Cause is TypeNotAllowedException, CallTimeout);
        var refusal = (TypeNotAllowedException)warning.Cause;
        Assert.Equal(typeof(SecretOrder).FullName, refusal.TypeName);
        Assert.Equal(Fixture.Child.Address, refusal.Sender);
        Assert.Contains($"'{typeof(SecretOrder).FullName}' sent by {Fixture.Child.Address}", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("actoripc.serialization.allowed-types", refusal.Message, StringComparison.Ordinal);

        // The connection stays up: the next message on it arrives.
        Assert.Equal(Order.Sample().Id, (await target.ExpectMsgAsync<Order>(CallTimeout)).Id);
        Sys.EventStream.Unsubscribe(warnings.Ref);
    }

    [Fact]
    public async Task Tell_TypeThisProcessDoesNotAllow_IsNotSentAndTheConnectionStaysUp()
    {
        var errors = CreateTestProbe();
        Sys.EventStream.Subscribe(errors.Ref, typeof(Error));

        Fixture.Echo.Tell(new SecretOrder("not for the wire"));

        var error = await errors.FishForMessageAsync<Error>(e => Find<TypeNotAllowedException>(e.Cause) is not null, CallTimeout);
        var refusal = Find<TypeNotAllowedException>(error.Cause)!;
        Assert.Equal(typeof(SecretOrder).FullName, refusal.TypeName);
        Assert.Null(refusal.Sender);
        Assert.Contains("not sent", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(Order.Sample().Id, (await Fixture.Echo.Ask<Order>(Order.Sample(), CallTimeout)).Id);
        Sys.EventStream.Unsubscribe(errors.Ref);
    }
}
