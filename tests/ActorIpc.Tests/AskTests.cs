using ActorIpc.Tests.Actors;
using ActorIpc.TestKit;
using Xunit.Abstractions;

namespace ActorIpc.Tests;

public sealed class AskTests(ITestOutputHelper output) : TestKit.Xunit2.TestKit(output)
{
    [Fact]
    public async Task Ask_Reply_CompletesWithIt()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>());

        Assert.Equal("hello", await echo.Ask<string>("hello"));
    }

    [Fact]
    public async Task Ask_StatusFailureReply_RethrowsTheOriginalException()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>());

        var thrown = await Assert.ThrowsAsync<FormatException>(() => echo.Ask<string>(new Status.Failure(new FormatException("bad input"))));

        Assert.Equal("bad input", thrown.Message);
    }

    [Fact]
    public async Task Ask_ReplyOfWrongType_FailsNamingBothTypes()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>(), "echo");

        var thrown = await Assert.ThrowsAsync<AskReplyTypeException>(() => echo.Ask<int>("text"));

        Assert.Equal(typeof(int), thrown.ExpectedType);
        Assert.Equal("text", thrown.Reply);
        Assert.Contains("System.Int32", thrown.Message, StringComparison.Ordinal);
        Assert.Contains("System.String", thrown.Message, StringComparison.Ordinal);
        Assert.Contains("/user/echo", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_NoReply_TimesOutNamingTargetMessageTypeElapsedAndLiveness()
    {
        var silent = Sys.ActorOf(Props.Create(() => new SilentActor()), "silent");

        var thrown = await Assert.ThrowsAsync<AskTimeoutException>(() => silent.Ask<string>(new Ping(1), TimeSpan.FromMilliseconds(50)));

        Assert.Equal(silent.Path, thrown.Target);
        Assert.Equal(typeof(Ping), thrown.MessageType);
        Assert.True(thrown.TargetAlive);
        Assert.True(thrown.Elapsed >= TimeSpan.FromMilliseconds(50), $"elapsed {thrown.Elapsed}");
        Assert.Contains("actoripc://test/user/silent", thrown.Message, StringComparison.Ordinal);
        Assert.Contains(typeof(Ping).FullName!, thrown.Message, StringComparison.Ordinal);
        Assert.Contains("the target is alive", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_WithoutTimeout_UsesTheConfiguredDefault()
    {
        await using var kit = new TestKitBase(ActorIpc.Hocon.ConfigFactory.ParseString("actoripc.actor.ask-timeout = 60ms"));
        var silent = kit.Sys.ActorOf(Props.Create(() => new SilentActor()));

        var thrown = await Assert.ThrowsAsync<AskTimeoutException>(() => silent.Ask<string>(new Ping(1)));

        Assert.InRange(thrown.Elapsed, TimeSpan.FromMilliseconds(60), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Ask_Cancelled_IsReportedAsCancellationNotTimeout()
    {
        var silent = Sys.ActorOf(Props.Create(() => new SilentActor()));
        using var cancel = new CancellationTokenSource();

        var ask = silent.Ask<string>(new Ping(1), TimeSpan.FromSeconds(30), cancel.Token);
        await cancel.CancelAsync();

        var thrown = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ask);
        Assert.Equal(cancel.Token, thrown.CancellationToken);
    }

    [Fact]
    public async Task Ask_ManyShareOneToken_CancellingItCancelsOnlyThoseStillWaiting()
    {
        var silent = Sys.ActorOf(Props.Create(() => new SilentActor()));
        var echo = Sys.ActorOf(Props.Create<EchoActor>());
        using var cancel = new CancellationTokenSource();

        // More than one segment of the token's slots, answered and unanswered interleaved.
        var answered = Enumerable.Range(0, 300).Select(i => echo.Ask<int>(i, TimeSpan.FromSeconds(30), cancel.Token)).ToArray();
        var waiting = Enumerable.Range(0, 300).Select(i => silent.Ask<int>(i, TimeSpan.FromSeconds(30), cancel.Token)).ToArray();
        Assert.Equal(Enumerable.Range(0, 300), await Task.WhenAll(answered));
        await cancel.CancelAsync();

        foreach (var ask in waiting)
        {
            var thrown = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ask);
            Assert.Equal(cancel.Token, thrown.CancellationToken);
        }
    }

    [Fact]
    public async Task Ask_SystemTerminates_WaitingAsksFailNamingTheSystem()
    {
        var kit = new TestKitBase();
        var probe = kit.CreateTestProbe();
        var silent = kit.Sys.ActorOf(Props.Create(() => new ReportingSilentActor(probe.Ref)), "silent");
        using var cancel = new CancellationTokenSource();
        var timed = silent.Ask<string>(new Ping(1), TimeSpan.FromMinutes(10));
        var untimed = silent.Ask<string>(new Ping(2), Timeout.InfiniteTimeSpan, cancel.Token);

        // Both were received (not left in the mailbox, which would fail them as undelivered).
        await probe.ExpectMsgAsync(new Ping(1));
        await probe.ExpectMsgAsync(new Ping(2));
        await kit.DisposeAsync();

        foreach (var ask in new[] { timed, untimed })
        {
            var thrown = await Assert.ThrowsAsync<AskAbandonedException>(() => ask.WaitAsync(TimeSpan.FromSeconds(30)));
            Assert.Equal(silent.Path, thrown.Target);
            Assert.Equal(typeof(Ping), thrown.MessageType);
            Assert.Contains("terminated before a reply", thrown.Message, StringComparison.Ordinal);
            Assert.Contains($"'{kit.Sys.Name}'", thrown.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Ask_AlreadyCancelledToken_ReturnsCancelledTask()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>());

        var ask = echo.Ask<string>("x", cancellationToken: new CancellationToken(canceled: true));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ask);
    }

    [Fact]
    public async Task Ask_StoppedTarget_FailsAtOnceAsNotDelivered()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>(), "gone");
        Watch(echo);
        Sys.Stop(echo);
        await ExpectTerminatedAsync(echo);

        // A 30 s timeout: the failure must come from the dead letter, not the timer.
        var thrown = await Assert.ThrowsAsync<MessageNotDeliveredException>(() => echo.Ask<string>("x", TimeSpan.FromSeconds(30)).WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(DeadLetterReasons.Stopped, thrown.Reason);
        Assert.Contains("/user/gone", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_TargetThrows_FailsAtOnceWithTheCalleesException()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new LifecycleProbeActor(probe.Ref)));
        await probe.ExpectMsgAsync("prestart");

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(
            () => actor.Ask<string>(new Crash(new InvalidOperationException("callee failed")), TimeSpan.FromSeconds(30)).WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal("callee failed", thrown.Message);
    }

    [Fact]
    public void Ask_InfiniteTimeoutWithoutToken_IsRefused()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>());

        var thrown = Assert.Throws<ArgumentOutOfRangeException>(() => { _ = echo.Ask<string>("x", Timeout.InfiniteTimeSpan); });

        Assert.Contains("every Ask must end", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_InfiniteTimeoutWithToken_WaitsForTheReply()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>());
        using var cancel = new CancellationTokenSource();

        Assert.Equal("x", await echo.Ask<string>("x", Timeout.InfiniteTimeSpan, cancel.Token));
    }

    [Fact]
    public async Task Ask_ManyConcurrent_EachGetsItsOwnReply()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>());

        var replies = await Task.WhenAll(Enumerable.Range(0, 10_000).Select(i => echo.Ask<int>(i)));

        Assert.Equal(Enumerable.Range(0, 10_000), replies);
    }

    [Fact]
    public async Task PipeTo_CompletedTask_SendsResultAndFailure()
    {
        _ = Task.FromResult(42).PipeTo(TestActor);
        await ExpectMsgAsync(42);

        _ = Task.FromException<int>(new InvalidOperationException("nope")).PipeTo(TestActor);
        var failure = await ExpectMsgAsync<Status.Failure>();
        Assert.Equal("nope", failure.Cause.Message);

        _ = Task.CompletedTask.PipeTo(TestActor, success: () => "done");
        await ExpectMsgAsync("done");
    }

    private sealed record Ping(int Id);

    private sealed class SilentActor : ActorBase
    {
        protected override void OnReceive(object message)
        {
        }
    }

    /// <summary>Never replies, but tells <paramref name="probe"/> what it received.</summary>
    private sealed class ReportingSilentActor(IActorRef probe) : ActorBase
    {
        protected override void OnReceive(object message) => probe.Tell(message);
    }
}
