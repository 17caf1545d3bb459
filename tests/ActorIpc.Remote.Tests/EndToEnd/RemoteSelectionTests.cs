namespace ActorIpc.Remote.Tests.EndToEnd;

/// <summary>
/// Resolving a selection of another process's actor asks that process (<see cref="Identify"/>): a
/// live actor resolves to a reference that names its incarnation, a path with no actor fails with
/// <see cref="ActorNotFoundException"/> as soon as the peer answers.
/// </summary>
public sealed class RemoteSelectionTests : TwoNodesTest
{

    [Fact]
    public async Task ResolveOne_NoActorAtTheRemotePath_FailsWithActorNotFoundAtOnce()
    {
        var path = $"{BetaRemoting.Address}/user/nobody";

        // The peer answers at once; the wait bounds a hang well below any Ask timeout.
        var thrown = await Assert.ThrowsAsync<ActorNotFoundException>(() => Alpha.ActorSelection(path).ResolveOne().WaitAsync(Patience));

        Assert.Equal(path, thrown.Selection);
    }

    [Fact]
    public async Task ResolveOne_RemoteActorHasStopped_FailsWithActorNotFound()
    {
        var target = Beta.ActorOf(RecordingEcho.Props(), "gone");
        BetaKit.Watch(target);
        Beta.Stop(target);
        await BetaKit.ExpectTerminatedAsync(target, Patience);

        await Assert.ThrowsAsync<ActorNotFoundException>(() => Alpha.ActorSelection($"{BetaRemoting.Address}/user/gone").ResolveOne().WaitAsync(Patience));
    }

    [Fact]
    public async Task ResolveOne_LiveRemoteActor_ReturnsAReferenceNamingItsIncarnation()
    {
        var target = Beta.ActorOf(RecordingEcho.Props(), "live");

        var resolved = await Alpha.ActorSelection($"{BetaRemoting.Address}/user/live").ResolveOne().WaitAsync(Patience);

        Assert.Equal(BetaRemoting.Address, resolved.Path.Address);
        Assert.NotEqual(0, target.Path.Uid);
        Assert.Equal(target.Path.Uid, resolved.Path.Uid);
        Assert.Equal("works", await resolved.Ask<string>("works", Patience));
    }

    [Fact]
    public async Task IdentifyThroughSelection_NoActorAtTheRemotePath_AnswersWithNoSubject()
    {
        Alpha.ActorSelection($"{BetaRemoting.Address}/user/nobody").Tell(new Identify(42), AlphaKit.TestActor);

        var identity = await AlphaKit.ExpectMsgAsync<ActorIdentity>(Patience);

        Assert.Equal(42, identity.MessageId);
        Assert.Null(identity.Subject);
    }
}
