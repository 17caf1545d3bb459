using ActorIpc.Tests.Actors;
using ActorIpc.TestKit;
using Microsoft.Extensions.Logging;

namespace ActorIpc.Tests;

public sealed class LoggingTests
{
    [Fact]
    public async Task Failure_IsLoggedWithChildPathExceptionAndDirective()
    {
        var logs = new CollectingLoggerProvider();
        await using var kit = new TestKitBase(loggerFactory: logs);
        var actor = kit.Sys.ActorOf(Props.Create(() => new LifecycleProbeActor(kit.TestActor)), "fragile");
        await kit.ExpectMsgAsync("prestart");

        actor.Tell(new Crash(new InvalidOperationException("disk full")), kit.TestActor);
        await kit.FishForMessageAsync(m => Equals(m, "postrestart"));

        var entry = Assert.Single(logs.Entries, e => e.Exception is InvalidOperationException);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Contains("actoripc://test/user/fragile", entry.Message, StringComparison.Ordinal);
        Assert.Contains("disk full", entry.Message, StringComparison.Ordinal);
        Assert.Contains("Restart", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActorLog_CarriesThePathInItsScope()
    {
        var logs = new CollectingLoggerProvider();
        await using var kit = new TestKitBase(loggerFactory: logs);
        var actor = kit.Sys.ActorOf(Props.Create<Chatty>(), "chatty");

        actor.Tell("hello", kit.TestActor);
        await kit.ExpectMsgAsync("logged");

        var entry = Assert.Single(logs.Entries, e => e.Message == "said hello");
        Assert.Contains("ActorPath=actoripc://test/user/chatty", entry.Scope, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeadLetters_LoggedUpToTheLimitThenSuppressed()
    {
        var logs = new CollectingLoggerProvider();
        await using var kit = new TestKitBase(ActorIpc.Hocon.ConfigFactory.ParseString("actoripc.log-dead-letters = 2"), loggerFactory: logs);
        var actor = await StoppedActorAsync(kit);
        kit.Sys.EventStream.Subscribe(kit.TestActor, typeof(DeadLetter));

        for (var i = 0; i < 5; i++)
        {
            actor.Tell($"lost {i}", kit.TestActor);
        }

        await kit.ReceiveNAsync(5);
        await kit.AwaitAssertAsync(() => Assert.Contains(logs.Entries, e => e.Message.StartsWith("Not logging further dead letters", StringComparison.Ordinal)));

        // Each logged line names the message type, sender, recipient and the reason.
        Assert.Equal(
            [LostLine(kit, actor, "1 of 2"), LostLine(kit, actor, "2 of 2")],
            logs.Entries.Select(e => e.Message).Where(m => m.Contains("was not delivered", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task DeadLetters_AfterTheSuspendPeriod_LoggingStartsAgainSayingHowManyWereNotLogged()
    {
        var logs = new CollectingLoggerProvider();
        var clock = new ManualClock();
        await using var kit = new TestKitBase(
            ActorIpc.Hocon.ConfigFactory.ParseString("actoripc { log-dead-letters = 1, log-dead-letters-suspend-duration = 50ms }"),
            loggerFactory: logs,
            timeProvider: clock);
        var actor = await StoppedActorAsync(kit);
        var listener = await kit.Sys.ActorSelection("/system/deadLetterListener").ResolveOne();
        var sent = 0;

        // Sends a dead letter and returns once the listener has handled it: it answers the
        // Identify sent after it only then, so what it logs for the letter is in the log.
        async Task LoseOneAsync()
        {
            actor.Tell($"lost {sent++}", kit.TestActor);
            await listener.Ask<ActorIdentity>(new Identify(sent));
        }

        // The first is logged, and the listener goes quiet on the system's clock. The letters
        // that follow are counted, not logged, until the period has passed, also at its very
        // end; the first letter after it is logged after a line with that count.
        var period = TimeSpan.FromMilliseconds(50);
        await LoseOneAsync();
        await LoseOneAsync();
        clock.Advance(period - TimeSpan.FromTicks(1));
        await LoseOneAsync();
        await LoseOneAsync();
        clock.Advance(TimeSpan.FromTicks(1));
        await LoseOneAsync();

        Assert.Equal(
            [
                LostLine(kit, actor, "1 of 1"),
                $"Not logging further dead letters for {period} (actoripc.log-dead-letters-suspend-duration)",
                $"3 dead letters were not logged in the last {period}",
                LostLine(kit, actor, "1 of 1"),
                $"Not logging further dead letters for {period} (actoripc.log-dead-letters-suspend-duration)",
            ],
            logs.Entries.Select(e => e.Message).Where(m => m.Contains("dead letter", StringComparison.Ordinal) || m.Contains("was not delivered", StringComparison.Ordinal)));
    }

    /// <summary>An actor of <paramref name="kit"/>'s system that has stopped: what is sent to it is a dead letter.</summary>
    private static async Task<IActorRef> StoppedActorAsync(TestKitBase kit)
    {
        var actor = kit.Sys.ActorOf(Props.Create<EchoActor>());
        kit.Watch(actor);
        kit.Sys.Stop(actor);
        await kit.ExpectTerminatedAsync(actor);
        return actor;
    }

    /// <summary>The line logged for a string sent by the kit's test actor to <paramref name="stopped"/>, the <paramref name="count"/>th of those logged.</summary>
    private static string LostLine(TestKitBase kit, IActorRef stopped, string count) =>
        $"Message of type System.String from {kit.TestActor.Path} to {stopped.Path} was not delivered: {DeadLetterReasons.Stopped} ({count} dead letters logged)";

    private sealed class Chatty : ActorBase
    {
        protected override void OnReceive(object message)
        {
            Log.LogInformation("said {Text}", message);
            Sender.Tell("logged", Self);
        }
    }
}
