using System.Text;
using ActorIpc.Spi;
using ActorIpc.Tests.Actors;
using ActorIpc.TestKit;

namespace ActorIpc.Tests.Spi;

public sealed class ActorSystemSpiTests : IAsyncLifetime
{
    private readonly TestKitBase _local = new(systemName: "local");
    private readonly ActorSystem _remote = ActorSystem.Create("remote");

    public Task InitializeAsync()
    {
        ActorSystemSpi.For(_local.Sys).SetExternalResolver(path => path.Address.System == "remote" ? new LoopbackRef(_local.Sys, _remote, path) : null);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _local.DisposeAsync();
        await _remote.Terminate();
    }

    [Fact]
    public async Task Ask_AcrossSystems_ReplyFindsThePromiseByItsPath()
    {
        _remote.ActorOf(Props.Create<EchoActor>(), "echo");
        var echo = _local.Sys.ActorSelection("actoripc://remote/user/echo");
        echo.Tell("told through the selection", _local.TestActor);

        Assert.Equal("told through the selection", await _local.ExpectMsgAsync<string>());
        var reference = new LoopbackRef(_local.Sys, _remote, ActorPath.Parse("actoripc://remote/user/echo"));
        Assert.Equal("over there", await reference.Ask<string>("over there", TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Watch_AcrossSystems_TerminatedArrives()
    {
        var remoteActor = _remote.ActorOf(Props.Create<EchoActor>(), "watched");
        var reference = new LoopbackRef(_local.Sys, _remote, ActorPath.Parse("actoripc://remote/user/watched"));
        _local.Watch(reference);

        _remote.Stop(remoteActor);

        var terminated = await _local.ExpectTerminatedAsync(reference);
        Assert.Equal("actoripc://remote/user/watched", terminated.ActorRef.Path.ToString());
    }

    [Fact]
    public void ResolveLocal_FindsActorsPromisesAndDeadLettersButNotOtherIncarnations()
    {
        var spi = ActorSystemSpi.For(_local.Sys);
        var actor = _local.Sys.ActorOf(Props.Create<EchoActor>(), "here");

        Assert.Equal(actor, spi.ResolveLocal(ActorPath.Parse("actoripc://whatever/user/here")));
        Assert.Equal(actor, spi.ResolveLocal(actor.Path));
        Assert.Null(spi.ResolveLocal(actor.Path.WithUid(actor.Path.Uid + 1)));
        Assert.Null(spi.ResolveLocal(ActorPath.Parse("actoripc://local/user/missing")));
        Assert.Same(_local.Sys.DeadLetters, spi.ResolveLocal(ActorPath.Parse("actoripc://local/deadLetters")));
    }

    [Fact]
    public async Task IsTerminated_OfALocalActorAndAnExternalReference_IsTrueOnlyOnceTheLocalActorStopped()
    {
        var actor = _local.Sys.ActorOf(Props.Create<EchoActor>(), "mortal");
        _remote.ActorOf(Props.Create<EchoActor>(), "far");
        var external = new LoopbackRef(_local.Sys, _remote, ActorPath.Parse("actoripc://remote/user/far"));
        Assert.False(ActorSystemSpi.IsTerminated(actor));
        Assert.False(ActorSystemSpi.IsTerminated(external));
        Assert.False(ActorSystemSpi.IsTerminated(_local.TestActor));

        _local.Watch(actor);
        _local.Sys.Stop(actor);
        await _local.ExpectTerminatedAsync(actor);

        Assert.True(ActorSystemSpi.IsTerminated(actor));
        Assert.False(ActorSystemSpi.IsTerminated(external));
    }

    [Fact]
    public async Task DeadLetter_FailsAWaitingAskAtOnce()
    {
        var spi = ActorSystemSpi.For(_local.Sys);
        var unreachable = new LoopbackRef(_local.Sys, _remote, ActorPath.Parse("actoripc://remote/user/nobody"));

        var thrown = await Assert.ThrowsAsync<MessageNotDeliveredException>(
            () => unreachable.Ask<string>("anyone?", TimeSpan.FromSeconds(30)).WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal("no such actor in the other system", thrown.Reason);
        Assert.NotNull(spi);
    }

    [Fact]
    public async Task NotifyTerminated_ForAnAskPromise_FailsTheAskAtOnceWithTheReason()
    {
        var spi = ActorSystemSpi.For(_local.Sys);
        var target = new BlackHoleRef(_local.Sys, ActorPath.Parse("actoripc.unix://remote@worker/user/callee"));

        var ask = target.Ask<string>("work", TimeSpan.FromSeconds(30));
        var promise = await target.Sender;
        Assert.True(ActorSystemSpi.IsTemporary(promise));
        Assert.False(ActorSystemSpi.IsTemporary(target));
        spi.NotifyTerminated(promise, target, existenceConfirmed: true, addressTerminated: true, reason: "connection reset");

        var thrown = await Assert.ThrowsAsync<TargetTerminatedException>(() => ask.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(thrown.AddressTerminated);
        Assert.Equal("connection reset", thrown.Reason);
        Assert.Contains("the target's process was lost before it replied", thrown.Message, StringComparison.Ordinal);
        Assert.Contains("actoripc.unix://remote@worker/user/callee", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PromisePath_HandedOut_ResolvesUntilTheAskCompletes()
    {
        var spi = ActorSystemSpi.For(_local.Sys);
        var (ask, promise) = await AskABlackHoleAsync();
        var path = promise.Path;

        Assert.Same(promise, spi.ResolveLocal(path));
        promise.Tell("done", null);
        Assert.Equal("done", await ask);
        Assert.Null(spi.ResolveLocal(path));
    }

    [Fact]
    public async Task ExportTemporary_NumbersThePromiseOnce_AndItResolvesByNumberUntilTheAskCompletes()
    {
        var spi = ActorSystemSpi.For(_local.Sys);
        var (ask, promise) = await AskABlackHoleAsync();
        var id = spi.ExportTemporary(promise);

        Assert.True(id > 0);
        Assert.Equal(id, spi.ExportTemporary(promise));
        Assert.Equal($"${id}", promise.Path.Name);
        Assert.Same(promise, spi.ResolveTemporary(Encoding.UTF8.GetBytes($"${id}")));
        Assert.Same(promise, spi.ResolveTemporary($"${id}"));
        promise.Tell("done", null);
        Assert.Equal("done", await ask);
        Assert.Null(spi.ResolveTemporary(Encoding.UTF8.GetBytes($"${id}")));
    }

    [Fact]
    public async Task ExportTemporary_OfAnActorOrAnotherSystemsPromise_IsZero()
    {
        var spi = ActorSystemSpi.For(_local.Sys);
        var actor = _local.Sys.ActorOf(Props.Create<EchoActor>());
        var (_, promise) = await AskABlackHoleAsync();

        Assert.Equal(0, spi.ExportTemporary(actor));
        Assert.Equal(0, spi.ExportTemporary(_local.Sys.DeadLetters));
        Assert.Equal(0, ActorSystemSpi.For(_remote).ExportTemporary(promise));
        Assert.NotEqual(0, spi.ExportTemporary(promise));
    }

    [Theory]
    [InlineData("$")]
    [InlineData("$0")]
    [InlineData("$01")]
    [InlineData("$-1")]
    [InlineData("$1x")]
    [InlineData("1")]
    [InlineData("")]
    public void ResolveTemporary_OfANameNoPromiseCarries_IsNull(string name)
    {
        Assert.Null(ActorSystemSpi.For(_local.Sys).ResolveTemporary(name));
        Assert.Null(ActorSystemSpi.For(_local.Sys).ResolveTemporary(Encoding.UTF8.GetBytes(name)));
    }

    [Fact]
    public void SetExternalResolver_Twice_IsRefused()
    {
        var thrown = Assert.Throws<InvalidOperationException>(() => ActorSystemSpi.For(_local.Sys).SetExternalResolver(_ => null));

        Assert.Contains("one transport per actor system", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Selection_WildcardsInAnotherSystem_AreRefused()
    {
        var thrown = Assert.Throws<ArgumentException>(() => _local.Sys.ActorSelection("actoripc://remote/user/*"));

        Assert.Contains("wildcards", thrown.Message, StringComparison.Ordinal);
    }

    /// <summary>Asks a reference in the other system that never answers; returns the Ask and its promise.</summary>
    private async Task<(Task<string> Ask, IActorRef Promise)> AskABlackHoleAsync()
    {
        var target = new BlackHoleRef(_local.Sys, ActorPath.Parse("actoripc.unix://remote@worker/user/callee"));
        var ask = target.Ask<string>("work", TimeSpan.FromSeconds(30));
        return (ask, await target.Sender);
    }
}
