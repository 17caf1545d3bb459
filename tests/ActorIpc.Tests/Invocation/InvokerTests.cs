using ActorIpc.Hocon;
using ActorIpc.Hosting;
using Akka.Actor;
using Akka.TestKit;

namespace ActorIpc.Tests.Invocation;

/// <summary>The invoker between two nodes of one cluster in this process (Akka.Remote on loopback).</summary>
public sealed class InvokerTests : Akka.TestKit.Xunit2.TestKit, IAsyncLifetime
{
    private const string Settings = """
        actoripc.serialization.allowed-types += "ActorIpc.Tests.Invocation.*"
        actoripc.invoker.keys {
          idempotent { idempotent = on, tries = 2 }
          least { routing = least-in-flight }
          "short.wait" { timeout = 300ms }
        }
        """;

    private static readonly ServiceKey<ICall> Calls = new("calls");
    private static readonly ServiceKey<ICall> Idempotent = new("idempotent");
    private static readonly ServiceKey<ICall> Least = new("least");
    private static readonly ServiceKey<ICall> ShortWait = new("short.wait");
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private ActorIpcNode _caller = null!;
    private ActorIpcNode _callees = null!;
    private TestProbe _holds = null!;

    public async Task InitializeAsync()
    {
        var config = ConfigFactory.ParseString(Settings, new ConfigParseOptions { Resolve = false });
        _caller = await ActorIpcNode.StartAsync(new NodeOptions { Config = config });
        _callees = await ActorIpcNode.StartAsync(new NodeOptions { Config = config, Seed = _caller.Address.ToString() });
        _holds = CreateTestProbe(_callees.System);
    }

    public async Task DisposeAsync()
    {
        await _callees.DisposeAsync();
        await _caller.DisposeAsync();
    }

    private Invoker Invoker => Invoker.Get(_caller.System);

    [Fact]
    public async Task Ask_CalleeInAnotherNode_IsAnswered()
    {
        await RegisterAsync(Calls, "one");

        var reply = await Invoker.Ask<string>(Calls, new Echo("hello"));

        Assert.Equal("one:hello", reply);
    }

    [Fact]
    public async Task Ask_TwoCallees_ShareTheCallsAndTheSurvivorTakesThemAllWhenOneStops()
    {
        var one = await RegisterAsync(Calls, "one");
        await RegisterAsync(Calls, "two", expected: 2);

        var replies = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            replies.Add(await Invoker.Ask<string>(Calls, new Echo("x")));
        }

        Assert.Equal(3, replies.Count(r => r == "one:x"));
        Assert.Equal(3, replies.Count(r => r == "two:x"));

        _callees.System.Stop(one);
        await AwaitCalleesAsync(Calls, 1);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal("two:x", await Invoker.Ask<string>(Calls, new Echo("x")));
        }
    }

    [Fact]
    public async Task Ask_NoCalleeYet_WaitsAndIsAnsweredOnceOneRegisters()
    {
        var call = Invoker.Ask<string>(Calls, new Echo("early"), TimeSpan.FromSeconds(30));
        Assert.False(call.IsCompleted);

        await RegisterAsync(Calls, "late");

        Assert.Equal("late:early", await call);
    }

    [Fact]
    public async Task Ask_NoCalleeComes_FailsWithNoCalleeExceptionNamingTheKeyAndTheWait()
    {
        var error = await Assert.ThrowsAsync<NoCalleeException>(() => Invoker.Ask<string>(ShortWait, new Echo("x")));

        Assert.Equal(ShortWait, error.Key);
        Assert.Equal(typeof(Echo), error.MessageType);
        Assert.True(error.Waited >= TimeSpan.FromMilliseconds(300), $"waited {error.Waited}");
        Assert.Null(error.Callee);
        Assert.Contains("'short.wait'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Echo call waited", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_CalleeNeverReplies_TimesOutNamingKeyCalleeProcessMessageAndThatItIsAlive()
    {
        var callee = await RegisterAsync(Calls, "silent");

        var error = await Assert.ThrowsAsync<InvokeTimeoutException>(() => Invoker.Ask<string>(Calls, new Hang("h"), TimeSpan.FromMilliseconds(500)));

        Assert.Equal(Calls, error.Key);
        Assert.Equal(typeof(Hang), error.MessageType);
        Assert.Equal(callee.Path.ToStringWithoutAddress(), error.Callee!.Path.ToStringWithoutAddress());
        Assert.Equal(Environment.ProcessId, error.CalleeProcessId);
        Assert.True(error.CalleeWasAlive);
        // A timer may fire a millisecond before the clock reads its time.
        Assert.True(error.Waited >= TimeSpan.FromMilliseconds(490), $"waited {error.Waited}");
        Assert.Contains($"(process {Environment.ProcessId})", error.Message, StringComparison.Ordinal);
        Assert.Contains("did not answer a Hang call within", error.Message, StringComparison.Ordinal);
        Assert.Contains("still alive", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_CalleeRepliesWithAFailure_ThrowsTheCalleesExceptionItself()
    {
        await RegisterAsync(Calls, "failing");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Invoker.Ask<string>(Calls, new Boom("the input file is corrupt")));

        Assert.Equal("the input file is corrupt", error.Message);
    }

    [Fact]
    public async Task Ask_ReplyOfAnotherType_FailsWithBothTypesNamed()
    {
        await RegisterAsync(Calls, "numbers");

        var error = await Assert.ThrowsAsync<InvokeReplyTypeException>(() => Invoker.Ask<string>(Calls, new AnswerWithNumber()));

        Assert.Equal(typeof(string), error.ExpectedType);
        Assert.Equal(typeof(int), error.ReplyType);
    }

    [Fact]
    public async Task Ask_CalleeStopsWhileTheCallIsInFlight_FailsAtOnceNotAtTheTimeout()
    {
        var callee = await RegisterAsync(Calls, "stopping");
        var call = Invoker.Ask<string>(Calls, new Hang("h"), TimeSpan.FromMinutes(5));
        await _holds.ExpectMsgAsync("stopping holds h", Patience);

        _callees.System.Stop(callee);

        var error = await Assert.ThrowsAsync<CalleeTerminatedException>(() => call);
        Assert.True(error.Waited < TimeSpan.FromMinutes(1), $"waited {error.Waited}");
        Assert.Contains("stopped", error.Reason, StringComparison.Ordinal);
        Assert.Equal(callee.Path.Name, error.Callee!.Path.Name);
    }

    [Fact]
    public async Task Ask_CalleesNodeDownedWhileTheCallIsInFlight_FailsAtOnce()
    {
        var third = await ActorIpcNode.StartAsync(new NodeOptions
        {
            Seed = _caller.Address.ToString(),
            Config = ConfigFactory.ParseString(
                Settings + "\nakka.cluster.run-coordinated-shutdown-when-down = off\nakka.coordinated-shutdown.run-by-actor-system-terminate = off",
                new ConfigParseOptions { Resolve = false }),
        });
        try
        {
            var holds = CreateTestProbe(third.System);
            Receptionist.Get(third.System).Register(Calls, third.System.ActorOf(TestCallee.Props(holds.Ref), "doomed"));
            await AwaitCalleesAsync(Calls, 1);
            var call = Invoker.Ask<string>(Calls, new Hang("h"), TimeSpan.FromMinutes(5));
            await holds.ExpectMsgAsync("doomed holds h", Patience);

            _caller.Cluster.Down(third.Address);

            var error = await Assert.ThrowsAsync<CalleeTerminatedException>(() => call);
            Assert.True(error.Waited < TimeSpan.FromMinutes(1), $"waited {error.Waited}");
            Assert.Contains("process", error.Reason, StringComparison.Ordinal);
        }
        finally
        {
            await third.System.Terminate();
        }
    }

    [Fact]
    public async Task Ask_IdempotentKeyAndTheCalleeStopsInFlight_TheOtherCalleeAnswers()
    {
        var first = await RegisterAsync(Idempotent, "first");
        var call = Invoker.Ask<string>(Idempotent, new Hang("h"), TimeSpan.FromMinutes(5));
        await _holds.ExpectMsgAsync("first holds h", Patience);
        await RegisterAsync(Idempotent, "second", expected: 2);

        _callees.System.Stop(first);

        // The retried Hang is held too: the second callee got the call.
        await _holds.ExpectMsgAsync("second holds h", Patience);
        Assert.False(call.IsCompleted);
    }

    [Fact]
    public async Task Ask_KeyNotIdempotent_IsNeverSentTwice()
    {
        var first = await RegisterAsync(Calls, "first");
        var second = await RegisterAsync(Calls, "second", expected: 2);
        var call = Invoker.Ask<string>(Calls, new Hang("h"), TimeSpan.FromMinutes(5));
        var holder = (await _holds.ExpectMsgAsync<string>(Patience)).Split(' ')[0];

        _callees.System.Stop(holder == "first" ? first : second);

        await Assert.ThrowsAsync<CalleeTerminatedException>(() => call);
        await _holds.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task Ask_LeastInFlight_AvoidsTheCalleeThatHoldsACall()
    {
        await RegisterAsync(Least, "a");
        await RegisterAsync(Least, "b", expected: 2);
        _ = Invoker.Ask<string>(Least, new Hang("h"), TimeSpan.FromMinutes(5));
        var busy = (await _holds.ExpectMsgAsync<string>(Patience)).Split(' ')[0];

        for (var i = 0; i < 4; i++)
        {
            var reply = await Invoker.Ask<string>(Least, new Echo("x"));
            Assert.NotEqual($"{busy}:x", reply);
        }
    }

    [Fact]
    public async Task Ask_MessageNotOfTheProtocol_IsRefusedBeforeAnythingIsSent()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Invoker.Ask<string>(Calls, new NotACall()));

        Assert.Contains("ActorIpc.Tests.Invocation.ICall", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_Cancelled_ThrowsOperationCanceled()
    {
        await RegisterAsync(Calls, "slow");
        using var cancel = new CancellationTokenSource();
        var call = Invoker.Ask<string>(Calls, new Hang("h"), TimeSpan.FromMinutes(5), cancel.Token);
        await _holds.ExpectMsgAsync("slow holds h", Patience);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    [Fact]
    public async Task Tell_CalleeRegistered_DeliversAndWithoutOneThrowsNoCallee()
    {
        Assert.Throws<NoCalleeException>(() => Invoker.Tell(Calls, new Hang("nobody")));
        await RegisterAsync(Calls, "told");

        Invoker.Tell(Calls, new Hang("t"));

        await _holds.ExpectMsgAsync("told holds t", Patience);
    }

    [Fact]
    public async Task TellAsync_NoCalleeYet_SendsOnceOneRegisters()
    {
        var tell = Invoker.TellAsync(Calls, new Hang("later"), TimeSpan.FromSeconds(30));

        await RegisterAsync(Calls, "patient");

        await tell;
        await _holds.ExpectMsgAsync("patient holds later", Patience);
    }

    [Fact]
    public void SettingsFor_KeysSection_OverridesTheDefaultByName()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(300), Invoker.SettingsFor(ShortWait).Timeout);
        Assert.Equal(Routing.LeastInFlight, Invoker.SettingsFor(Least).Routing);
        Assert.Equal(new KeySettings(TimeSpan.FromSeconds(10), Routing.RoundRobin, true, 2), Invoker.SettingsFor(Idempotent));
        Assert.Equal(new KeySettings(TimeSpan.FromSeconds(10), Routing.RoundRobin, false, 3), Invoker.SettingsFor(Calls));
    }

    private async Task<IActorRef> RegisterAsync(ServiceKey<ICall> key, string name, int expected = 1)
    {
        var callee = _callees.System.ActorOf(TestCallee.Props(_holds.Ref), name);
        Receptionist.Get(_callees.System).Register(key, callee);
        await AwaitCalleesAsync(key, expected);
        return callee;
    }

    /// <summary>Waits until the caller's receptionist lists <paramref name="count"/> callees of <paramref name="key"/>.</summary>
    private async Task AwaitCalleesAsync(ServiceKey<ICall> key, int count)
    {
        var listings = CreateTestProbe(_caller.System);
        Receptionist.Get(_caller.System).Subscribe(key, listings.Ref);
        await listings.FishForMessageAsync<Listing>(l => l.Callees.Count == count, Patience);
        Receptionist.Get(_caller.System).Unsubscribe(key, listings.Ref);
    }
}
