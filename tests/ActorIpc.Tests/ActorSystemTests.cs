using System.Reflection;
using ActorIpc.Hocon;
using ActorIpc.Tests.Actors;
using Microsoft.Extensions.Logging;

namespace ActorIpc.Tests;

public sealed class ActorSystemTests
{
    [Fact]
    public async Task Create_WithAClock_TheSystemMeasuresByIt_OtherwiseByTheMachines()
    {
        var clock = new TestKit.ManualClock();
        await using var fromText = ActorSystem.Create("clocked", "actoripc.log-dead-letters = 0", timeProvider: clock);
        await using var fromConfig = ActorSystem.Create("clocked2", (Config?)null, null, clock);
        await using var plain = ActorSystem.Create("plain");

        Assert.Same(clock, fromText.TimeProvider);
        Assert.Same(clock, fromConfig.TimeProvider);
        Assert.Same(TimeProvider.System, plain.TimeProvider);
    }

    [Fact]
    public async Task Create_UserConfig_FallsBackOntoReference()
    {
        await using var system = ActorSystem.Create("configured", "actoripc.actor.ask-timeout = 2s");

        Assert.Equal(TimeSpan.FromSeconds(2), system.Settings.AskTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(10), system.Settings.SchedulerTick);
        Assert.Equal(10, system.Settings.LogDeadLetters);
    }

    [Fact]
    public async Task Create_SubstitutionIntoReference_Resolves()
    {
        await using var system = ActorSystem.Create("subst", "my-timeout = 3s\nactoripc.actor.ask-timeout = ${my-timeout}");

        Assert.Equal(TimeSpan.FromSeconds(3), system.Settings.AskTimeout);
    }

    [Fact]
    public void Create_WrongTypeSetting_ErrorNamesPathAndPosition()
    {
        var thrown = Assert.Throws<HoconException>(() => ActorSystem.Create("bad", "actoripc {\n  actor.ask-timeout = fast\n}"));

        Assert.Equal("actoripc.actor.ask-timeout", thrown.Path);
        Assert.Contains("config:2:", thrown.Message, StringComparison.Ordinal);
        Assert.Contains("fast", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_OutOfRangeSetting_ErrorNamesPath()
    {
        var thrown = Assert.Throws<HoconException>(() => ActorSystem.Create("bad", "actoripc.scheduler.ticks-per-wheel = 100"));

        Assert.Equal("actoripc.scheduler.ticks-per-wheel", thrown.Path);
        Assert.Contains("power of two", thrown.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("type = huge", "type", "unknown mailbox type \"huge\" (expected unbounded, bounded or priority)")]
    [InlineData("type = bounded, capacity = 0", "capacity", "expected a capacity of at least 1, got 0")]
    [InlineData("type = bounded, capacity = 4, overflow = drop-all", "overflow", "unknown overflow \"drop-all\" (expected drop-new or drop-oldest)")]
    [InlineData("type = priority, priority = \"No.Such.Ranking, NoSuchAssembly\"", "priority", "the type \"No.Such.Ranking, NoSuchAssembly\" was not found (give 'Namespace.Type, Assembly')")]
    [InlineData("type = priority, priority = \"No.Such.Ranking\"", "priority", "the type \"No.Such.Ranking\" was not found (give 'Namespace.Type, Assembly')")]
    [InlineData("type = priority, priority = \"System.String\"", "priority", "the type \"System.String\" does not implement ActorIpc.IMessagePriority")]
    [InlineData(
        "type = priority, priority = \"ActorIpc.Tests.ActorSystemTests+RankedByWeight, ActorIpc.Tests\"",
        "priority",
        "cannot create \"ActorIpc.Tests.ActorSystemTests+RankedByWeight, ActorIpc.Tests\": ")]
    public void Create_InvalidMailbox_ErrorNamesPathAndRule(string mailbox, string key, string reason)
    {
        var thrown = Assert.Throws<HoconException>(() => ActorSystem.Create("bad", $"actoripc.actor.mailboxes.x {{ {mailbox} }}"));

        Assert.Equal($"actoripc.actor.mailboxes.x.{key}", thrown.Path);
        Assert.Contains(reason, thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_HaveNoSetters()
    {
        // Read once, then only read: nothing can change a setting under a running system (no
        // setter, and no init accessor a with-expression could use).
        var properties = typeof(ActorIpc.Configuration.ActorSystemSettings).GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance);

        Assert.NotEmpty(properties);
        Assert.DoesNotContain(properties, p => p.SetMethod is not null);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("-leading")]
    public void Create_InvalidName_Throws(string name)
    {
        Assert.Throws<InvalidActorNameException>(() => ActorSystem.Create(name));
    }

    [Fact]
    public async Task ActorOf_DuplicateName_ThrowsNamingTheParent()
    {
        await using var system = ActorSystem.Create("dup");
        system.ActorOf(Props.Create<EchoActor>(), "same");

        var thrown = Assert.Throws<InvalidActorNameException>(() => system.ActorOf(Props.Create<EchoActor>(), "same"));

        Assert.Contains("actoripc://dup/user already has a child with this name", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActorOf_NoName_GeneratesDistinctNames()
    {
        await using var system = ActorSystem.Create("gen");

        var a = system.ActorOf(Props.Create<EchoActor>());
        var b = system.ActorOf(Props.Create<EchoActor>());

        Assert.NotEqual(a.Path, b.Path);
        Assert.StartsWith("$", a.Path.Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Terminate_StopsEveryActorAndCompletesWhenTerminated()
    {
        var system = ActorSystem.Create("term");
        var topStopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var childStopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var top = system.ActorOf(Props.Create(() => new SignalsPostStop(topStopped, childStopped)), "top");
        Assert.Equal("started", await top.Ask<string>("start"));

        await system.Terminate();

        // Every actor ran PostStop (a top-level one and its child) before the system said it had terminated.
        Assert.True(system.WhenTerminated.IsCompleted);
        Assert.True(topStopped.Task.IsCompleted, "the top-level actor did not stop");
        Assert.True(childStopped.Task.IsCompleted, "its child did not stop");
    }

    [Fact]
    public async Task CoordinatedShutdown_RunsPhasesInOrderAndActorsLast()
    {
        var system = ActorSystem.Create("phases");
        var order = new List<string>();
        var shutdown = system.CoordinatedShutdown;
        shutdown.AddTask("service-stop", "second", _ =>
        {
            lock (order)
            {
                order.Add("service-stop");
            }

            return Task.CompletedTask;
        });
        shutdown.AddTask("before-service-unbind", "first", _ =>
        {
            lock (order)
            {
                order.Add("before-service-unbind");
            }

            return Task.CompletedTask;
        });
        shutdown.AddTask("before-actor-system-terminate", "third", _ =>
        {
            lock (order)
            {
                order.Add(system.WhenTerminated.IsCompleted ? "actors already gone" : "actors still running");
            }

            return Task.CompletedTask;
        });

        await system.Terminate();

        Assert.Equal(["before-service-unbind", "service-stop", "actors still running"], order);
        Assert.True(system.WhenTerminated.IsCompleted);
        Assert.Equal("ActorSystem.Terminate", shutdown.Reason);
        Assert.Throws<InvalidOperationException>(() => shutdown.AddTask("service-stop", "late", _ => Task.CompletedTask));
    }

    [Fact]
    public async Task CoordinatedShutdown_UnknownPhase_ListsThePhases()
    {
        await using var system = ActorSystem.Create("phases2");

        var thrown = Assert.Throws<ArgumentException>(() => system.CoordinatedShutdown.AddTask("no-such-phase", "x", _ => Task.CompletedTask));

        Assert.Contains("unknown shutdown phase 'no-such-phase'", thrown.Message, StringComparison.Ordinal);
        Assert.Contains("service-unbind", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CoordinatedShutdown_FailingTask_IsLoggedAndDoesNotStopTheShutdown()
    {
        var logs = new CollectingLoggerProvider();
        var system = ActorSystem.Create("phases3", "", logs);
        system.CoordinatedShutdown.AddTask("service-stop", "fails", _ => throw new InvalidOperationException("task failed"));

        await system.Terminate().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(system.WhenTerminated.IsCompleted);
        var entry = Assert.Single(logs.Entries, e => e.Exception is not null);
        Assert.IsType<InvalidOperationException>(entry.Exception);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Equal("Shutdown task fails of phase service-stop failed: task failed", entry.Message);
    }

    [Fact]
    public async Task CoordinatedShutdown_PhasePastItsTimeout_IsLoggedAndTheNextPhasesRun()
    {
        var logs = new CollectingLoggerProvider();
        var system = ActorSystem.Create("phases4", "actoripc.coordinated-shutdown.phase-timeouts.service-stop = 100ms", logs);
        var stuck = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var laterPhase = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // A task that ignores its token: only the phase's timeout lets the shutdown go on.
        system.CoordinatedShutdown.AddTask("service-stop", "stuck", _ => stuck.Task);
        system.CoordinatedShutdown.AddTask("before-actor-system-terminate", "later", _ =>
        {
            laterPhase.SetResult();
            return Task.CompletedTask;
        });
        try
        {
            await system.Terminate().WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            stuck.TrySetResult();
        }

        Assert.True(laterPhase.Task.IsCompleted, "the phase after the late one did not run");
        Assert.True(system.WhenTerminated.IsCompleted);
        var entry = Assert.Single(logs.Entries, e => e.Message.StartsWith("Shutdown phase", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal($"Shutdown phase service-stop did not finish within {TimeSpan.FromMilliseconds(100)}; going on with the next phase", entry.Message);
    }

    /// <summary>Completes <paramref name="stopped"/> in PostStop; on "start", creates a child that completes <paramref name="childStopped"/> in its own.</summary>
    private sealed class SignalsPostStop(TaskCompletionSource stopped, TaskCompletionSource? childStopped = null) : ActorBase
    {
        protected override void PostStop() => stopped.SetResult();

        protected override void OnReceive(object message)
        {
            if (message is "start" && childStopped is not null)
            {
                Context.ActorOf(Props.Create(() => new SignalsPostStop(childStopped, null)), "child");
                Sender.Tell("started", Self);
            }
        }
    }

    /// <summary>A message ranking without a parameterless constructor: a priority mailbox cannot create it.</summary>
    public sealed class RankedByWeight(int weight) : IMessagePriority
    {
        public int PriorityOf(object message) => weight;
    }
}
