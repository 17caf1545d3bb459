using ActorIpc.TestKit;

namespace ActorIpc.Remote.Tests.EndToEnd;

/// <summary>
/// Resolving a selection of another process's actor asks that process (<see cref="Identify"/>): a
/// live actor resolves to a reference that names its incarnation, a path with no actor fails with
/// <see cref="ActorNotFoundException"/> as soon as the peer answers.
/// </summary>
public sealed class RemoteSelectionTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private ActorSystem _alpha = null!;
    private ActorSystem _beta = null!;
    private Remoting _betaRemoting = null!;
    private TestKitBase _alphaKit = null!;
    private TestKitBase _betaKit = null!;

    public async Task InitializeAsync()
    {
        (_alpha, _) = await RemoteNodes.StartAsync("alpha");
        (_beta, _betaRemoting) = await RemoteNodes.StartAsync("beta");
        _alphaKit = new TestKitBase(_alpha);
        _betaKit = new TestKitBase(_beta);
    }

    public async Task DisposeAsync()
    {
        await _alpha.Terminate();
        await _beta.Terminate();
    }

    [Fact]
    public async Task ResolveOne_NoActorAtTheRemotePath_FailsWithActorNotFoundAtOnce()
    {
        var path = $"{_betaRemoting.Address}/user/nobody";

        // The peer answers at once; the wait bounds a hang well below any Ask timeout.
        var thrown = await Assert.ThrowsAsync<ActorNotFoundException>(() => _alpha.ActorSelection(path).ResolveOne().WaitAsync(Patience));

        Assert.Equal(path, thrown.Selection);
    }

    [Fact]
    public async Task ResolveOne_RemoteActorHasStopped_FailsWithActorNotFound()
    {
        var target = _beta.ActorOf(RecordingEcho.Props(), "gone");
        _betaKit.Watch(target);
        _beta.Stop(target);
        await _betaKit.ExpectTerminatedAsync(target, Patience);

        await Assert.ThrowsAsync<ActorNotFoundException>(() => _alpha.ActorSelection($"{_betaRemoting.Address}/user/gone").ResolveOne().WaitAsync(Patience));
    }

    [Fact]
    public async Task ResolveOne_LiveRemoteActor_ReturnsAReferenceNamingItsIncarnation()
    {
        var target = _beta.ActorOf(RecordingEcho.Props(), "live");

        var resolved = await _alpha.ActorSelection($"{_betaRemoting.Address}/user/live").ResolveOne().WaitAsync(Patience);

        Assert.Equal(_betaRemoting.Address, resolved.Path.Address);
        Assert.NotEqual(0, target.Path.Uid);
        Assert.Equal(target.Path.Uid, resolved.Path.Uid);
        Assert.Equal("works", await resolved.Ask<string>("works", Patience));
    }

    [Fact]
    public async Task IdentifyThroughSelection_NoActorAtTheRemotePath_AnswersWithNoSubject()
    {
        _alpha.ActorSelection($"{_betaRemoting.Address}/user/nobody").Tell(new Identify(42), _alphaKit.TestActor);

        var identity = await _alphaKit.ExpectMsgAsync<ActorIdentity>(Patience);

        Assert.Equal(42, identity.MessageId);
        Assert.Null(identity.Subject);
    }
}
