using System.Diagnostics;
using ActorIpc.TestNode.Messages.Calls;

namespace ActorIpc.MultiProcess.Tests;

/// <summary>
/// A callee's process killed with SIGKILL while calls to it are in flight. Each test starts its own
/// children, as it kills one; the caller (this process) is shared, and downs the killed member
/// when the test ends so that the next test's children join a cluster that converges.
/// </summary>
public sealed class CalleeKillTests(CallerNodeFixture fixture) : CallerTestKit(fixture), IClassFixture<CallerNodeFixture>
{
    private const int InFlight = 5;

    private readonly CallerNodeFixture _fixture = fixture;

    /// <summary>Far longer than any of these calls may take: failing or re-sending them must not wait for it.</summary>
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// What "at once" means here: a killed process's sockets close at once, long before Akka's
    /// failure detector (3 s of silence and more) or the split brain resolver (20 s) would decide.
    /// </summary>
    private static readonly TimeSpan AtOnce = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Ask_CalleesProcessKilledWithCallsInFlight_EachFailsAtOnceWithCalleeTerminated()
    {
        var key = new ServiceKey<IKeyedCall>("doomed");
        await using var child = (await CalleeNode.StartAsync(_fixture.Parent, 1))[0];
        try
        {
            var observer = CreateTestProbe();
            var started = await child.StartCalleeAsync("doomed", key, CalleeMode.Hold, observer.Ref);
            await AwaitListedAsync(key, 1);
            var calls = StartCalls(key);
            await ExpectHoldingAsync(observer, InFlight);

            var killed = Stopwatch.GetTimestamp();
            await child.KillAsync();

            foreach (var call in calls)
            {
                var error = await Assert.ThrowsAsync<CalleeTerminatedException>(() => call.WaitAsync(Patience));
                Assert.Equal(started.Callee.Path, error.Callee!.Path);
                Assert.Equal(child.ProcessId, error.CalleeProcessId);
                Assert.Contains("its process", error.Reason, StringComparison.Ordinal);
                Assert.Contains($"(process {child.ProcessId}) of 'doomed' went away while a Call call was in flight", error.Message, StringComparison.Ordinal);
            }

            var failedAfter = Stopwatch.GetElapsedTime(killed);
            Assert.True(failedAfter < AtOnce, $"the calls failed {failedAfter.TotalMilliseconds:0} ms after the kill");

            // The dead process's callee is gone from the listing: a new call finds no callee.
            await Assert.ThrowsAsync<NoCalleeException>(() => Invoker.Ask<Answer>(key, new Call("after"), TimeSpan.FromMilliseconds(300)));
        }
        finally
        {
            _fixture.Parent.Cluster.Down(child.Address);
        }
    }

    [Fact]
    public async Task Ask_IdempotentKeyAndTheCalleesProcessKilledWithCallsInFlight_TheCalleeInTheOtherProcessAnswersThem()
    {
        var key = new ServiceKey<IKeyedCall>(CallerNodeFixture.IdempotentKey);
        var children = await CalleeNode.StartAsync(_fixture.Parent, 2);
        await using var doomed = children[0];
        await using var survivor = children[1];
        try
        {
            // Two holders in the doomed process: a call re-sent from one must not go to the other.
            var observer = CreateTestProbe();
            await doomed.StartCalleeAsync("holder-1", key, CalleeMode.Hold, observer.Ref);
            await doomed.StartCalleeAsync("holder-2", key, CalleeMode.Hold, observer.Ref);
            await AwaitListedAsync(key, 2);
            var calls = StartCalls(key);
            Assert.Equal(2, (await ExpectHoldingAsync(observer, InFlight)).Select(held => held.Callee).Distinct().Count());
            await survivor.StartCalleeAsync("answerer", key, CalleeMode.Answer, observer.Ref);
            await AwaitListedAsync(key, 3);

            var killed = Stopwatch.GetTimestamp();
            await doomed.KillAsync();

            var answers = await Task.WhenAll(calls).WaitAsync(Patience);
            var answeredAfter = Stopwatch.GetElapsedTime(killed);
            Assert.All(answers, answer => Assert.Equal(("answerer", survivor.ProcessId), (answer.Callee, answer.ProcessId)));
            Assert.Equal(Enumerable.Range(0, InFlight).Select(Text), answers.Select(answer => answer.Text));
            Assert.True(answeredAfter < AtOnce, $"the calls were answered {answeredAfter.TotalMilliseconds:0} ms after the kill");
        }
        finally
        {
            _fixture.Parent.Cluster.Down(doomed.Address);
        }
    }

    private static string Text(int index) => $"call {index}";

    private Task<Answer>[] StartCalls(ServiceKey<IKeyedCall> key) =>
        [.. Enumerable.Range(0, InFlight).Select(i => Invoker.Ask<Answer>(key, new Call(Text(i)), CallTimeout))];
}
