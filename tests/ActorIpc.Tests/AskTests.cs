using System.Globalization;
using System.Text.RegularExpressions;
using ActorIpc.Scheduling;
using ActorIpc.Tests.Actors;
using ActorIpc.Tests.Spi;
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
        AssertTimeoutMessage(thrown, TimeSpan.FromMilliseconds(50), "actoripc://test/user/silent", "the target is alive");
    }

    [Fact]
    public async Task Ask_TargetStopsWithoutReplying_TimesOutSayingTheTargetHasStopped()
    {
        var quitter = Sys.ActorOf(Props.Create(() => new QuittingActor()), "quitter");
        Watch(quitter);

        // The timeout must fire after the target has stopped, whatever the machine's pace: an
        // earlier entry holds the wheel's thread until the test has seen the Terminated, so the
        // Ask cannot expire before that.
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Sys.Scheduler.ScheduleOnce(TimeSpan.Zero, () =>
        {
            holding.SetResult();
            release.Task.Wait(TimeSpan.FromSeconds(30));
        });
        Task<string> ask;
        try
        {
            await holding.Task;
            ask = quitter.Ask<string>(new Ping(1), TimeSpan.FromMilliseconds(50));
            await ExpectTerminatedAsync(quitter);
        }
        finally
        {
            release.SetResult();
        }

        var thrown = await Assert.ThrowsAsync<AskTimeoutException>(() => ask);

        Assert.False(thrown.TargetAlive);
        AssertTimeoutMessage(thrown, TimeSpan.FromMilliseconds(50), "actoripc://test/user/quitter", "the target has stopped");
    }

    [Fact]
    public async Task Ask_ActorOfAnotherProcess_TimesOutSayingWhetherItIsAliveIsNotKnown()
    {
        // No reply from another process does not tell whether its actor lives.
        var far = new BlackHoleRef(Sys, ActorPath.Parse("actoripc.unix://remote@worker/user/callee"));

        var thrown = await Assert.ThrowsAsync<AskTimeoutException>(() => far.Ask<string>(new Ping(1), TimeSpan.FromMilliseconds(50)));

        Assert.Null(thrown.TargetAlive);
        AssertTimeoutMessage(thrown, TimeSpan.FromMilliseconds(50), "actoripc.unix://remote@worker/user/callee", "whether the target is alive is not known");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Ask_TimeoutNotPositive_IsRefused(int milliseconds)
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>());

        var thrown = Assert.Throws<ArgumentOutOfRangeException>(() => { _ = echo.Ask<string>("x", TimeSpan.FromMilliseconds(milliseconds)); });

        Assert.Equal("timeout", thrown.ParamName);
        Assert.Contains("the Ask timeout must be positive", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_ItsTimeout_IsThePromiseItselfOnTheSystemsWheel()
    {
        var probe = CreateTestProbe();

        var ask = probe.Ref.Ask<string>("question", TimeSpan.FromSeconds(30));
        await probe.ExpectMsgAsync("question");

        // The sender the target sees is the promise, and the promise is the wheel's entry that
        // times the Ask out: arming the timeout made no timer of its own.
        var entry = Assert.IsAssignableFrom<TimerEntry>(probe.LastSender);
        Assert.Same(((ActorSystemImpl)Sys).Wheel.Wheel, entry.Wheel);
        Assert.True(entry.IsLive);

        probe.Reply("answer");

        Assert.Equal("answer", await ask);
        await AwaitConditionAsync(() => entry.IsCancelled, message: "the reply disarms the promise's own wheel entry");
    }

    [Fact]
    public async Task Ask_AllocatesItsPromiseAndNoTimer()
    {
        var system = (ActorSystemImpl)Sys;
        var echo = Sys.ActorOf(Props.Create<EchoActor>());
        var timeout = TimeSpan.FromSeconds(30);
        object question = "question";

        // What a promise costs by itself (with its task): the bound an Ask is held to, plus a
        // little for the slots it takes in the wheel's pending list and the mailbox's queue,
        // amortized. A timer per Ask (a System.Threading.Timer, a delayed task, a
        // CancellationTokenSource with a timeout) would cost more than 100 bytes on top.
        var before = GC.GetAllocatedBytesForCurrentThread();
        _ = new AskPromise<string>(system, echo, typeof(string), timeout);
        var promiseBytes = GC.GetAllocatedBytesForCurrentThread() - before;
        var bound = promiseBytes + 48;

        // Warm-up: compiles the paths and makes the queues an Ask goes through.
        await MeasureAsksAsync(echo, question, timeout, 1_000);

        // A first measure can meet a one-off (a queue growing a segment, runtime state set up on
        // first use); only one over the bound twice fails.
        var perAsk = await MeasureAsksAsync(echo, question, timeout, 5_000);
        if (perAsk > bound)
        {
            perAsk = await MeasureAsksAsync(echo, question, timeout, 5_000);
        }

        Assert.True(perAsk <= bound, $"an Ask allocated {perAsk:0.#} bytes on the asking thread; its promise alone is {promiseBytes}");
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

    /// <summary>
    /// Asks <paramref name="target"/> <paramref name="count"/> times, one after the other, and
    /// returns the bytes the asking thread allocated per Ask while sending it (the reply and the
    /// await run on other threads).
    /// </summary>
    private static async Task<double> MeasureAsksAsync(IActorRef target, object question, TimeSpan timeout, int count)
    {
        long allocated = 0;
        for (var i = 0; i < count; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var ask = target.Ask<string>(question, timeout);
            allocated += GC.GetAllocatedBytesForCurrentThread() - before;
            await ask;
        }

        return allocated / (double)count;
    }

    /// <summary>Checks the whole text of a timeout: the time waited (as <see cref="AskTimeoutException.Elapsed"/> says, at least the timeout), the target, the message type and the liveness wording.</summary>
    private static void AssertTimeoutMessage(AskTimeoutException thrown, TimeSpan timeout, string target, string liveness)
    {
        var match = Regex.Match(
            thrown.Message,
            $@"^Ask timed out after (\d+) ms: no reply from {Regex.Escape(target)} to a message of type {Regex.Escape(typeof(Ping).FullName!)} \({Regex.Escape(liveness)}\)$");

        Assert.True(match.Success, thrown.Message);
        Assert.Equal(thrown.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture), match.Groups[1].Value);
        Assert.True(thrown.Elapsed >= timeout, $"elapsed {thrown.Elapsed}");
    }

    private sealed record Ping(int Id);

    /// <summary>Stops itself on the first message, without replying.</summary>
    private sealed class QuittingActor : ActorBase
    {
        protected override void OnReceive(object message) => Context.Stop(Self);
    }

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
