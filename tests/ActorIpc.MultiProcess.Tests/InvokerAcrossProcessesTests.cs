using ActorIpc.TestNode.Messages.Calls;

namespace ActorIpc.MultiProcess.Tests;

/// <summary>The invoker calling by key, from this process, callees in two <c>ActorIpc.TestNode</c> child processes.</summary>
[Collection(CalleeNodesCollection.Name)]
public sealed class InvokerAcrossProcessesTests(CalleeNodesFixture fixture) : CallerTestKit(fixture)
{
    [Fact]
    public async Task Ask_CalleeInAChildProcess_IsAnsweredFromThere()
    {
        var key = new ServiceKey<IKeyedCall>("answered");
        await fixture.A.StartCalleeAsync("answerer", key, CalleeMode.Answer, TestActor);
        await AwaitListedAsync(key, 1);

        var answer = await Invoker.Ask<Answer>(key, new Call("hello"), Patience);

        Assert.Equal(new Answer("answerer", fixture.A.ProcessId, "hello"), answer);
    }

    [Fact]
    public async Task Ask_TwoCalleesInTwoChildProcesses_ShareTheCallsAndWhenOneStopsTheOtherGetsEveryLaterCall()
    {
        var key = new ServiceKey<IKeyedCall>("shared");
        await fixture.A.StartCalleeAsync("shared-a", key, CalleeMode.Answer, TestActor);
        await fixture.B.StartCalleeAsync("shared-b", key, CalleeMode.Answer, TestActor);
        await AwaitListedAsync(key, 2);

        var shared = await CallAsync(key, 6);

        Assert.Equal(3, shared.Count(a => a == ("shared-a", fixture.A.ProcessId)));
        Assert.Equal(3, shared.Count(a => a == ("shared-b", fixture.B.ProcessId)));

        await fixture.A.StopCalleeAsync("shared-a");
        await AwaitListedAsync(key, 1);

        Assert.All(await CallAsync(key, 6), a => Assert.Equal(("shared-b", fixture.B.ProcessId), a));
    }

    [Fact]
    public async Task Ask_NoCalleeYet_WaitsAndIsAnsweredOnceAChildProcessRegistersOne()
    {
        var key = new ServiceKey<IKeyedCall>("late");
        var call = Invoker.Ask<Answer>(key, new Call("early"), TimeSpan.FromSeconds(30));
        Assert.False(call.IsCompleted);

        await fixture.B.StartCalleeAsync("late-comer", key, CalleeMode.Answer, TestActor);

        Assert.Equal(new Answer("late-comer", fixture.B.ProcessId, "early"), await call.WaitAsync(Patience));
    }

    [Fact]
    public async Task Ask_NoCalleeInAnyProcess_FailsWithNoCalleeExceptionAtTheTimeout()
    {
        var key = new ServiceKey<IKeyedCall>("nobody");
        var timeout = TimeSpan.FromMilliseconds(500);

        var error = await Assert.ThrowsAsync<NoCalleeException>(() => Invoker.Ask<Answer>(key, new Call("x"), timeout));

        Assert.Equal(key, error.Key);
        Assert.Equal(typeof(Call), error.MessageType);
        Assert.True(error.Waited >= timeout, $"waited {error.Waited}");
        Assert.Null(error.Callee);
        Assert.Contains("'nobody'", error.Message, StringComparison.Ordinal);
        Assert.Contains("a Call call waited", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_CalleeInAChildProcessNeverReplies_TimesOutNamingKeyCalleeItsProcessMessageTimeAndThatItIsAlive()
    {
        var key = new ServiceKey<IKeyedCall>("silent");
        var observer = CreateTestProbe();
        var started = await fixture.B.StartCalleeAsync("silent", key, CalleeMode.Hold, observer.Ref);
        await AwaitListedAsync(key, 1);
        var timeout = TimeSpan.FromMilliseconds(500);

        var call = Invoker.Ask<Answer>(key, new Call("unanswered"), timeout);
        await observer.ExpectMsgAsync(new Holding("silent", fixture.B.ProcessId, "unanswered"), Patience);
        var error = await Assert.ThrowsAsync<InvokeTimeoutException>(() => call);

        Assert.Equal(key, error.Key);
        Assert.Equal(typeof(Call), error.MessageType);
        Assert.Equal(started.Callee.Path, error.Callee!.Path);
        Assert.Equal(fixture.B.ProcessId, error.CalleeProcessId);
        Assert.True(error.CalleeWasAlive);

        // A timer may fire a millisecond before the clock reads its time.
        Assert.True(error.Waited >= timeout - TimeSpan.FromMilliseconds(10), $"waited {error.Waited}");
        Assert.StartsWith($"the callee {started.Callee.Path} (process {fixture.B.ProcessId}) of 'silent' did not answer a Call call within ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("; it is still alive (busy, or it never replies to this message)", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Makes <paramref name="count"/> calls one after the other; returns who answered each.</summary>
    private async Task<List<(string Callee, int ProcessId)>> CallAsync(ServiceKey<IKeyedCall> key, int count)
    {
        var answers = new List<(string, int)>();
        for (var i = 0; i < count; i++)
        {
            var answer = await Invoker.Ask<Answer>(key, new Call($"call {i}"), Patience);
            answers.Add((answer.Callee, answer.ProcessId));
        }

        return answers;
    }
}
