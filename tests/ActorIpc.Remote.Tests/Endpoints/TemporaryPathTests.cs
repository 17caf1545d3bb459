using System.Text;
using ActorIpc.Remote.Tests.EndToEnd;

namespace ActorIpc.Remote.Tests.Endpoints;

/// <summary>How an Ask's promise is named to a peer and found again when the reply names it.</summary>
public sealed class TemporaryPathTests : IAsyncLifetime
{
    private ActorSystem _system = null!;
    private Remoting _remoting = null!;

    public async Task InitializeAsync() => (_system, _remoting) = await RemoteNodes.StartAsync("temp-paths");

    public async Task DisposeAsync()
    {
        await _remoting.DisposeAsync();
        await _system.Terminate();
    }

    [Fact]
    public async Task ExportedPromisePath_ResolvesFromItsBytes_UntilTheAskEnds()
    {
        var (ask, promise) = await AskCatchingPromiseAsync();
        var exported = _remoting.Node.ExportPath(promise);

        Assert.Equal($"{_remoting.Address}/temp/{promise.Path.Name}", exported);
        Assert.Same(promise, _remoting.Node.ResolveTemporary(Encoding.UTF8.GetBytes(exported)));
        Assert.Same(promise, _remoting.Node.ResolvePath(exported));

        promise.Tell("done", null);
        Assert.Equal("done", await ask);
        Assert.Null(_remoting.Node.ResolveTemporary(Encoding.UTF8.GetBytes(exported)));
    }

    [Theory]
    [InlineData("{0}/x")]
    [InlineData("{0}#12")]
    [InlineData("{1}/temp/$é1")]
    [InlineData("{1}/temp/")]
    [InlineData("{1}/temp/$123456789012345678901234567890123")]
    [InlineData("{1}/temp/$")]
    [InlineData("{1}/temp/$0")]
    [InlineData("{1}/temp/$01")]
    [InlineData("{1}/temp/$-1")]
    [InlineData("{1}/temp/$1x")]
    [InlineData("{1}/temp/1")]
    [InlineData("actoripc.tcp://other@host:4000/temp/$1")]
    public async Task BytesThatNameNoPromiseOfThisSystem_ResolveToNull(string format)
    {
        var (_, promise) = await AskCatchingPromiseAsync();
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, _remoting.Node.ExportPath(promise), _remoting.Address);

        Assert.Null(_remoting.Node.ResolveTemporary(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public async Task ExportingAPromiseTwice_NamesItTheSameWay()
    {
        var (_, promise) = await AskCatchingPromiseAsync();

        var first = _remoting.Node.ExportPath(promise);
        var second = _remoting.Node.ExportPath(promise);

        Assert.Equal(first, second);
        Assert.EndsWith("/temp/" + promise.Path.Name, first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportedSender_NamesThePromiseAndAnActorByTheirPathsUnderThisAddress()
    {
        var (_, promise) = await AskCatchingPromiseAsync();
        var actor = _system.ActorOf(Props.Create(() => new SenderCatcher(new TaskCompletionSource<IActorRef>())), "named");

        Assert.Equal($"{_remoting.Address}/temp/{promise.Path.Name}", _remoting.Node.ExportSender(promise).ToString());
        Assert.Equal($"{_remoting.Address}/user/named#{actor.Path.Uid}", _remoting.Node.ExportSender(actor).ToString());
        Assert.Equal(_remoting.Node.ExportSender(promise).ToString(), _remoting.Node.ExportPath(promise));
    }

    private async Task<(Task<string> Ask, IActorRef Promise)> AskCatchingPromiseAsync()
    {
        var senders = new TaskCompletionSource<IActorRef>(TaskCreationOptions.RunContinuationsAsynchronously);
        var catcher = _system.ActorOf(Props.Create(() => new SenderCatcher(senders)));
        var ask = catcher.Ask<string>("hello", TimeSpan.FromMinutes(1));
        return (ask, await senders.Task);
    }

    private sealed class SenderCatcher(TaskCompletionSource<IActorRef> senders) : ActorBase
    {
        protected override void OnReceive(object message) => senders.TrySetResult(Sender);
    }
}
