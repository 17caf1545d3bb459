using ActorIpc.Tests.Actors;

namespace ActorIpc.Tests;

public sealed class PropsTests
{
    [Fact]
    public void WithX_ReturnCopies_TheOriginalIsUnchanged()
    {
        var original = Props.Create<EchoActor>();

        var dispatched = original.WithDispatcher("pinned");
        var mailboxed = dispatched.WithMailbox("tiny");
        var supervised = mailboxed.WithSupervisorStrategy(SupervisorStrategy.StoppingStrategy);

        Assert.Equal((null, null, null), Settings(original));
        Assert.Equal(("pinned", null, null), Settings(dispatched));
        Assert.Equal(("pinned", "tiny", null), Settings(mailboxed));
        Assert.Equal(("pinned", "tiny", SupervisorStrategy.StoppingStrategy), Settings(supervised));
        Assert.All([dispatched, mailboxed, supervised], copy =>
        {
            Assert.NotSame(original, copy);
            Assert.Equal(typeof(EchoActor), copy.ActorType);
            Assert.Same(original.Factory, copy.Factory);
        });
    }

    [Theory]
    [InlineData(typeof(string), "System.String")]
    [InlineData(typeof(ActorBase), "ActorIpc.ActorBase")]
    public void Create_TypeThatIsNotAConcreteActor_IsRefusedNamingIt(Type type, string name)
    {
        var thrown = Assert.Throws<ArgumentException>(() => Props.Create(type));

        Assert.Equal("actorType", thrown.ParamName);
        Assert.StartsWith($"{name} is not a concrete actor type (a non-abstract subclass of ActorBase).", thrown.Message, StringComparison.Ordinal);
    }

    private static (string? Dispatcher, string? Mailbox, SupervisorStrategy? Strategy) Settings(Props props) =>
        (props.Dispatcher, props.Mailbox, props.SupervisorStrategy);
}
