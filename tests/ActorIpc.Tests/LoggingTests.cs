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
        var actor = kit.Sys.ActorOf(Props.Create<EchoActor>());
        kit.Watch(actor);
        kit.Sys.Stop(actor);
        await kit.ExpectTerminatedAsync(actor);
        kit.Sys.EventStream.Subscribe(kit.TestActor, typeof(DeadLetter));

        for (var i = 0; i < 5; i++)
        {
            actor.Tell($"lost {i}", kit.TestActor);
        }

        await kit.ReceiveNAsync(5);
        await kit.AwaitAssertAsync(() => Assert.Contains(logs.Entries, e => e.Message.StartsWith("Not logging further dead letters", StringComparison.Ordinal)));
        Assert.Equal(2, logs.Entries.Count(e => e.Message.Contains("was not delivered", StringComparison.Ordinal)));
    }

    private sealed class Chatty : ActorBase
    {
        protected override void OnReceive(object message)
        {
            Log.LogInformation("said {Text}", message);
            Sender.Tell("logged", Self);
        }
    }
}
