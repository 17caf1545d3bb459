using ActorIpc.TestNode.Messages.Calls;

namespace ActorIpc.MultiProcess.Tests;

/// <summary>The receptionist across real processes: this one and two <c>ActorIpc.TestNode</c> children.</summary>
[Collection(CalleeNodesCollection.Name)]
public sealed class ReceptionistAcrossProcessesTests(CalleeNodesFixture fixture) : CallerTestKit(fixture)
{
    [Fact]
    public async Task Register_InOneChildProcess_IsFoundHereAndInTheOtherChildProcess()
    {
        var key = new ServiceKey<IKeyedCall>("found-everywhere");

        var started = await fixture.A.StartCalleeAsync("found", key, CalleeMode.Answer, TestActor);

        var here = await AwaitListedAsync(key, 1);
        var inB = await fixture.B.AwaitCalleesAsync(key, 1);
        Assert.Equal(started.Callee.Path, here[0].Path);
        Assert.Equal(fixture.A.Address, here[0].Path.Address);
        Assert.Equal([started.Callee.Path.ToString()], inB.Paths);
        Assert.Equal(started.Callee.Path, Assert.Single(Receptionist.Get(Sys).Find(key).Callees).Path);
    }

    [Fact]
    public async Task Deregister_InAChildProcess_TheCalleeLeavesTheListingHereAndInTheOtherChild()
    {
        var key = new ServiceKey<IKeyedCall>("deregistered");
        await fixture.A.StartCalleeAsync("leaving", key, CalleeMode.Answer, TestActor);
        var staying = await fixture.A.StartCalleeAsync("staying", key, CalleeMode.Answer, TestActor);
        await AwaitListedAsync(key, 2);

        await fixture.A.DeregisterCalleeAsync("leaving", key);

        Assert.Equal(staying.Callee.Path, Assert.Single(await AwaitListedAsync(key, 1)).Path);
        Assert.Equal([staying.Callee.Path.ToString()], (await fixture.B.AwaitCalleesAsync(key, 1)).Paths);
    }

    [Fact]
    public async Task CalleeStops_InAChildProcess_ItLeavesTheListingHereAndInTheOtherChild()
    {
        var key = new ServiceKey<IKeyedCall>("stopping");
        await fixture.A.StartCalleeAsync("short-lived", key, CalleeMode.Answer, TestActor);
        await AwaitListedAsync(key, 1);
        await fixture.B.AwaitCalleesAsync(key, 1);

        await fixture.A.StopCalleeAsync("short-lived");

        Assert.Empty(await AwaitListedAsync(key, 0));
        Assert.Empty((await fixture.B.AwaitCalleesAsync(key, 0)).Paths);
    }
}
