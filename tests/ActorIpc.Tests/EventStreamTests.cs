using Xunit.Abstractions;

namespace ActorIpc.Tests;

public sealed class EventStreamTests(ITestOutputHelper output) : TestKit.Xunit2.TestKit(output)
{
    [Fact]
    public async Task Subscribe_BaseType_ReceivesDerivedEvents()
    {
        Assert.True(Sys.EventStream.Subscribe(TestActor, typeof(Animal)));
        Assert.False(Sys.EventStream.Subscribe(TestActor, typeof(Animal)));

        Sys.EventStream.Publish(new Dog("rex"));
        Sys.EventStream.Publish("not an animal");

        Assert.Equal("rex", (await ExpectMsgAsync<Dog>()).Name);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task Subscribe_TwoMatchingChannels_DeliveredOnce()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(Animal));
        Sys.EventStream.Subscribe(TestActor, typeof(Dog));

        Sys.EventStream.Publish(new Dog("once"));

        await ExpectMsgAsync<Dog>();
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task Unsubscribe_StopsDelivery()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(Dog));
        Sys.EventStream.Publish(new Dog("first"));
        await ExpectMsgAsync<Dog>();

        Assert.True(Sys.EventStream.Unsubscribe(TestActor, typeof(Dog)));
        Assert.False(Sys.EventStream.Unsubscribe(TestActor, typeof(Dog)));
        Sys.EventStream.Publish(new Dog("second"));

        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
        Assert.False(Sys.EventStream.HasSubscribers(typeof(Dog)));
    }

    [Fact]
    public async Task DeadLetter_ToStoppedActor_PublishedWithSenderRecipientAndReason()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(DeadLetter));
        var actor = Sys.ActorOf(Props.Create<Tests.Actors.EchoActor>());
        Watch(actor);
        Sys.Stop(actor);
        await ExpectTerminatedAsync(actor);

        actor.Tell("lost", TestActor);

        var letter = await ExpectMsgAsync<DeadLetter>();
        Assert.Equal("lost", letter.Message);
        Assert.Equal(TestActor, letter.Sender);
        Assert.Equal(actor, letter.Recipient);
        Assert.Equal(DeadLetterReasons.Stopped, letter.Reason);
    }

    private abstract record Animal(string Name);

    private sealed record Dog(string Name) : Animal(Name);
}
