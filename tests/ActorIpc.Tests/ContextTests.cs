using Xunit.Abstractions;

namespace ActorIpc.Tests;

/// <summary>What an actor sees of its family through <see cref="IActorContext"/>: Parent, Children and Stop of a child.</summary>
public sealed class ContextTests(ITestOutputHelper output) : TestKit.Xunit2.TestKit(output)
{
    [Fact]
    public async Task Parent_IsTheActorThatCreatedIt()
    {
        var family = Sys.ActorOf(Props.Create(() => new Family(TestActor)), "family");
        var child = await family.Ask<IActorRef>(new MakeChild("a"));

        Assert.Equal(family, await child.Ask<IActorRef>(Family.Parent));
        Assert.Equal("actoripc://test/user", (await family.Ask<IActorRef>(Family.Parent)).Path.ToString());
    }

    [Fact]
    public async Task Children_AreTheLiveChildren_AndStoppingOneRemovesIt()
    {
        // The family reports to a probe of its own: its report and the test actor's Terminated
        // for the same child race each other.
        var reports = CreateTestProbe();
        var family = Sys.ActorOf(Props.Create(() => new Family(reports.Ref)), "family");
        Assert.Empty(await family.Ask<string[]>(Family.Children));
        var a = await family.Ask<IActorRef>(new MakeChild("a"));
        await family.Ask<IActorRef>(new MakeChild("b"));
        Assert.Equal(["a", "b"], await family.Ask<string[]>(Family.Children));
        Watch(a);

        // Context.Stop(child): the child is no longer listed from that call on, and then stops.
        Assert.Equal(["b"], await family.Ask<string[]>(new StopChild("a")));

        await reports.ExpectMsgAsync("family saw a terminate");
        await ExpectTerminatedAsync(a);
        Assert.Equal(["b"], await family.Ask<string[]>(Family.Children));
    }

    private sealed record MakeChild(string Name);

    private sealed record StopChild(string Name);

    /// <summary>
    /// Creates children like itself, answers with its parent or its children's names, stops a
    /// child (answering with the children left) and tells the probe when a child
    /// it stopped has terminated.
    /// </summary>
    private sealed class Family : ReceiveActor
    {
        public const string Parent = "parent";
        public const string Children = "children";

        public Family(IActorRef probe)
        {
            Receive<MakeChild>(make => Sender.Tell(Context.ActorOf(Props.Create(() => new Family(probe)), make.Name), Self));
            Receive<string>(s => s == Parent, _ => Sender.Tell(Context.Parent, Self));
            Receive<string>(s => s == Children, _ => Sender.Tell(ChildNames(), Self));
            Receive<StopChild>(stop =>
            {
                var child = Context.Child(stop.Name) ?? throw new InvalidOperationException($"no child {stop.Name}");
                Context.Watch(child);
                Context.Stop(child);
                Sender.Tell(ChildNames(), Self);
            });
            Receive<Terminated>(terminated => probe.Tell($"{Self.Path.Name} saw {terminated.ActorRef.Path.Name} terminate", Self));
        }

        private string[] ChildNames() => [.. Context.Children.Select(c => c.Path.Name).Order(StringComparer.Ordinal)];
    }
}
