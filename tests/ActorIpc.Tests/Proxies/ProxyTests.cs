using ActorIpc.Hocon;
using ActorIpc.Hosting;
using ActorIpc.Serialization;
using ActorIpc.Tests.Proxies.Contracts;
using ActorIpc.Tests.Proxies.Fenced;
using Akka.TestKit;

namespace ActorIpc.Tests.Proxies;

/// <summary>Proxies in one node calling objects published in another node of the cluster, in this process (Akka.Remote on loopback).</summary>
public sealed class ProxyTests : Akka.TestKit.Xunit2.TestKit, IAsyncLifetime
{
    private const string Shared = """
        actoripc.serialization {
          allowed-types += "ActorIpc.Tests.Proxies.Contracts.*"
          exception-types += "ActorIpc.Tests.Proxies.Contracts.*"
        }
        actoripc.invoker.keys { "short.wait" { timeout = 300ms } }
        actoripc.published-objects.drain-timeout = 1s
        """;

    private const string CallerSettings = Shared + """

        actoripc.serialization.allowed-types += "ActorIpc.Tests.Proxies.Fenced.CallerOnly"
        """;

    private const string PublisherSettings = Shared + """

        actoripc.serialization.allowed-types += "ActorIpc.Tests.Proxies.Fenced.PublisherOnly"
        """;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private ActorIpcNode _caller = null!;
    private ActorIpcNode _publisher = null!;
    private TestProbe _watcher = null!;

    public async Task InitializeAsync()
    {
        _caller = await ActorIpcNode.StartAsync(new NodeOptions { Config = Parse(CallerSettings) });
        _publisher = await ActorIpcNode.StartAsync(new NodeOptions { Config = Parse(PublisherSettings), Seed = _caller.Address.ToString() });
        _watcher = CreateTestProbe(_publisher.System);
    }

    public async Task DisposeAsync()
    {
        await _publisher.DisposeAsync();
        await _caller.DisposeAsync();
    }

    private PublishedObjects Callers => PublishedObjects.Get(_caller.System);

    private PublishedObjects Publishers => PublishedObjects.Get(_publisher.System);

    [Fact]
    public async Task GetProxy_TaskOfResultMethod_ReturnsThePublishersResult()
    {
        await PublishAsync<ICalculator>("calculator", new Calculator());
        var calculator = Callers.GetProxy<ICalculator>("calculator");

        Assert.Equal(5, await calculator.AddAsync(2, 3));
        Assert.Equal(3, await calculator.DivideAsync(7, 2));
    }

    [Fact]
    public async Task GetProxy_TaskMethod_CompletesOnceThePublisherRanIt()
    {
        var implementation = new Calculator();
        await PublishAsync<ICalculator>("calculator", implementation);
        var calculator = Callers.GetProxy<ICalculator>("calculator");

        await calculator.RecordAsync("first");
        await calculator.RecordAsync("second");

        Assert.Equal(["first", "second"], implementation.Entries);
    }

    [Fact]
    public async Task GetProxy_ValueTaskAndValueTaskOfResultMethods_AreAnswered()
    {
        await PublishAsync<ICalculator>("calculator", new Calculator());
        var calculator = Callers.GetProxy<ICalculator>("calculator");

        Assert.Equal(1, await calculator.CountAsync());
        Assert.Equal(2, await calculator.CountAsync());
        await calculator.ResetAsync();
        Assert.Equal(1, await calculator.CountAsync());
    }

    [Fact]
    public async Task GetProxy_OverloadsOfOneName_EachReachesItsOwnMethod()
    {
        await PublishAsync<ICalculator>("calculator", new Calculator());
        var calculator = Callers.GetProxy<ICalculator>("calculator");

        Assert.Equal(5, await calculator.AddAsync(2, 3));
        Assert.Equal(6.0, await calculator.AddAsync(2.0, 3.5));
        Assert.Equal("2+3", await calculator.AddAsync("2", "3"));
    }

    [Fact]
    public async Task GetProxy_SeveralArgumentsOfManyTypes_ArriveIntact()
    {
        await PublishAsync<IEchoService>("echo", new EchoService("one"));
        var echo = Callers.GetProxy<IEchoService>("echo");
        var id = Guid.Parse("5b0f7c55-7a55-4b7e-9a2e-2d6c1f3f4b10");
        var when = new DateTimeOffset(2026, 3, 1, 12, 30, 15, TimeSpan.FromHours(2));

        var described = await echo.DescribeAsync("text", 42, 1L << 40, 0.25, 12.50m, true, id, when, TimeSpan.FromSeconds(90), [1, 2, 255], [3, 1, 2], Priority.High, 'é');

        Assert.Equal($"text|42|{1L << 40}|0.25|12.50|True|{id}|2026-03-01T12:30:15.0000000+02:00|00:01:30|0102FF|3,1,2|High|é", described);
    }

    [Fact]
    public async Task GetProxy_NullArgumentAndNullResult_RoundTrip()
    {
        await PublishAsync<IEchoService>("echo", new EchoService("one"));
        var echo = Callers.GetProxy<IEchoService>("echo");

        Assert.Null(await echo.EchoAsync(null));
        Assert.Null(await echo.BounceAsync(null));
        Assert.Equal("one:x", await echo.EchoAsync("x"));
    }

    [Fact]
    public async Task GetProxy_RecordArgumentOfAnAllowedType_ArrivesAndComesBack()
    {
        await PublishAsync<IEchoService>("echo", new EchoService("one"));
        var echo = Callers.GetProxy<IEchoService>("echo");

        // A List: a collection expression typed IReadOnlyList<T> is a compiler-made type no allow-list names.
        var total = await echo.TotalAsync(new Invoice("ada", new List<decimal> { 1.25m, 2.50m }));

        Assert.Equal("ada", total.Customer);
        Assert.Equal([1.25m, 2.50m], total.Lines);
        Assert.Equal(3.75m, total.Total);
    }

    [Fact]
    public async Task GetProxy_ImplementationThrows_TheCallThrowsThatExceptionWithItsPropertiesAndRemoteStack()
    {
        await PublishAsync<IWorkService>("work", new WorkService(_watcher.Ref));
        var work = Callers.GetProxy<IWorkService>("work");

        var error = await Assert.ThrowsAsync<LedgerException>(() => work.FailAsync("ledger north is corrupt", 7));

        Assert.Equal("ledger north is corrupt", error.Message);
        Assert.Equal(7, error.Code);
        Assert.Contains(nameof(WorkService.FailAsync), error.StackTrace, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetProxy_ImplementationThrowsBeforeReturningATask_TheCallThrowsThatException()
    {
        await PublishAsync<IWorkService>("work", new WorkService(_watcher.Ref));
        var work = Callers.GetProxy<IWorkService>("work");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => work.ThrowAtOnceAsync());

        Assert.Equal("thrown before any task", error.Message);
    }

    [Fact]
    public async Task GetProxy_ImplementationThrowsACancellationOfItsOwn_TheCallThrowsItRatherThanATimeout()
    {
        await PublishAsync<IWorkService>("work", new WorkService(_watcher.Ref));
        var work = Callers.GetProxy<IWorkService>("work", TimeSpan.FromMinutes(1));

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => work.GiveUpAsync("the input ran out"));

        Assert.Equal("the input ran out", error.Message);
    }

    [Fact]
    public async Task GetProxy_BaseClassLibraryException_ArrivesAsItself()
    {
        await PublishAsync<ICalculator>("calculator", new Calculator());
        var calculator = Callers.GetProxy<ICalculator>("calculator");

        await Assert.ThrowsAsync<DivideByZeroException>(() => calculator.DivideAsync(1, 0));
    }

    [Fact]
    public async Task GetProxy_AnotherInterfacePublishedUnderTheName_FailsNamingBothInterfaces()
    {
        await PublishAsync<IConverter>("calculator", new Calculator());
        var calculator = Callers.GetProxy<ICalculator>("calculator");

        var error = await Assert.ThrowsAsync<PublishedObjectMismatchException>(() => calculator.AddAsync(1, 2));

        Assert.Equal(typeof(IConverter).FullName, error.PublishedService);
        Assert.Equal(typeof(ICalculator).FullName, error.ProxyService);
        Assert.Null(error.Method);
        Assert.Equal(Environment.ProcessId, error.PublisherProcessId);
        Assert.Contains($"'calculator' is published as {typeof(IConverter).FullName}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"a proxy of {typeof(ICalculator).FullName} cannot call it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_CallOfAMethodThePublishersVersionLacks_IsRefusedAndTheProxyNamesTheMethod()
    {
        await PublishAsync<ICalculator>("calculator", new Calculator());
        var key = new ServiceKey<PublishedObjectCall>("calculator");
        var service = Callers.Describe(typeof(ICalculator));
        var call = PublishedObjectCall.Arrived(service.WireName, "System.Threading.Tasks.Task`1[System.Int32] AddAsync(System.Int32,System.Int32,System.Int32)", [1, 2, 3], null);

        var refusal = Assert.IsType<PublishedObjectRefusal>(await Invoker.Get(_caller.System).Ask<object>(key, call));

        Assert.Equal(RefusalKind.NoSuchMethod, refusal.Kind);
        var error = Assert.IsType<PublishedObjectMismatchException>(ProxyErrors.Refused("calculator", service, service.Methods[0], refusal));
        Assert.Equal("ICalculator.AddAsync(int, int)", error.Method);
        Assert.Contains("has no method ICalculator.AddAsync(int, int)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetProxy_NoPublisher_FailsWithNoCalleeWithinTheTimeoutNamingTheMethod()
    {
        var calculator = Callers.GetProxy<ICalculator>("short.wait");

        var error = await Assert.ThrowsAsync<NoCalleeException>(() => calculator.AddAsync(1, 2));

        Assert.Equal("short.wait", error.Key.Name);
        Assert.Equal(typeof(ICalculator), error.MessageType);
        Assert.InRange(error.Waited, TimeSpan.FromMilliseconds(290), TimeSpan.FromSeconds(5));
        Assert.Contains("a call of ICalculator.AddAsync(int, int) waited", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetProxy_TimeoutGiven_OverridesTheNamesTimeout()
    {
        var calculator = Callers.GetProxy<ICalculator>("calculator", TimeSpan.FromMilliseconds(200));

        var error = await Assert.ThrowsAsync<NoCalleeException>(() => calculator.AddAsync(1, 2));

        Assert.InRange(error.Waited, TimeSpan.FromMilliseconds(190), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task GetProxy_PublishedLater_TheCallWaitsAndIsAnswered()
    {
        var calculator = Callers.GetProxy<ICalculator>("calculator", TimeSpan.FromSeconds(30));
        var call = calculator.AddAsync(20, 22);
        Assert.False(call.IsCompleted);

        using var publication = Publishers.Publish<ICalculator>("calculator", new Calculator());

        Assert.Equal(42, await call);
    }

    [Fact]
    public async Task Publication_Disposed_LaterCallsWaitForAPublisherAndFailWithoutOne()
    {
        var publication = await PublishAsync<ICalculator>("short.wait", new Calculator());
        var calculator = Callers.GetProxy<ICalculator>("short.wait");
        Assert.Equal(3, await calculator.AddAsync(1, 2));

        await publication.DisposeAsync();
        await AwaitPublishersAsync("short.wait", 0);

        await Assert.ThrowsAsync<NoCalleeException>(() => calculator.AddAsync(1, 2));
        var waiting = Callers.GetProxy<ICalculator>("short.wait", TimeSpan.FromSeconds(30)).AddAsync(2, 2);
        using var again = Publishers.Publish<ICalculator>("short.wait", new Calculator());
        Assert.Equal(4, await waiting);
    }

    [Fact]
    public async Task Publication_DisposedWhileACallIsInFlight_TheCallIsAnsweredBeforeTheHostStops()
    {
        var work = new WorkService(_watcher.Ref);
        var publication = await PublishAsync<IWorkService>("work", work);
        var call = Callers.GetProxy<IWorkService>("work").WaitForReleaseAsync("late");
        await _watcher.ExpectMsgAsync("holds late", Patience);

        var unpublished = publication.DisposeAsync().AsTask();
        work.Release();

        Assert.Equal("released late", await call);
        await unpublished.WaitAsync(Patience);
    }

    [Fact]
    public async Task Publication_DisposedAndTheCallOutlastsTheDrain_TheCallFailsWithCalleeTerminatedAndTheTokenIsCancelled()
    {
        var publication = await PublishAsync<IWorkService>("work", new WorkService(_watcher.Ref));
        var call = Callers.GetProxy<IWorkService>("work", TimeSpan.FromMinutes(1)).HoldAsync("h", CancellationToken.None);
        await _watcher.ExpectMsgAsync("holds h", Patience);

        publication.Dispose();

        var error = await Assert.ThrowsAsync<CalleeTerminatedException>(() => call);
        Assert.Contains("call of IWorkService.HoldAsync(string, CancellationToken)", error.Message, StringComparison.Ordinal);
        await _watcher.ExpectMsgAsync("cancelled h", Patience);
    }

    [Fact]
    public async Task GetProxy_TwoPublishers_ShareTheCalls()
    {
        await PublishAsync<IEchoService>("echo", new EchoService("first"));
        await PublishAsync<IEchoService>("echo", new EchoService("second"), expected: 2);
        var echo = Callers.GetProxy<IEchoService>("echo");

        var answers = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            answers.Add(await echo.WhoAsync());
        }

        Assert.Equal(3, answers.Count(a => a == "first"));
        Assert.Equal(3, answers.Count(a => a == "second"));
    }

    [Fact]
    public async Task GetProxy_TwoCallsAtOnce_RunConcurrentlyInThePublisher()
    {
        await PublishAsync<IWorkService>("work", new WorkService(_watcher.Ref));
        var work = Callers.GetProxy<IWorkService>("work", TimeSpan.FromSeconds(5));

        // Each call completes only once the other one is in the implementation too.
        var answers = await Task.WhenAll(work.MeetAsync("a"), work.MeetAsync("b"));

        Assert.Equal(["a met", "b met"], answers);
    }

    [Fact]
    public async Task GetProxy_CancellationTokenCancelled_TheCallThrowsOperationCanceledAndTheTokenIsNotSent()
    {
        await PublishAsync<IWorkService>("work", new WorkService(_watcher.Ref));
        using var cancel = new CancellationTokenSource();
        var call = Callers.GetProxy<IWorkService>("work", TimeSpan.FromMinutes(1)).HoldAsync("c", cancel.Token);
        await _watcher.ExpectMsgAsync("holds c", Patience);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await _watcher.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task GetProxy_ArgumentOfATypeThisProcessDoesNotAllow_FailsBeforeItIsSent()
    {
        await PublishAsync<IEchoService>("echo", new EchoService("one"));
        var echo = Callers.GetProxy<IEchoService>("echo");

        var error = await Assert.ThrowsAsync<TypeNotAllowedException>(() => echo.BounceAsync(new PublisherOnly("x")));

        Assert.Equal(typeof(PublisherOnly).FullName, error.TypeName);
        Assert.Contains("so the message was not sent", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetProxy_ArgumentOfATypeThePublisherDoesNotAllow_FailsNamingTheTypeNotAtTheTimeout()
    {
        await PublishAsync<IEchoService>("echo", new EchoService("one"));
        var echo = Callers.GetProxy<IEchoService>("echo", TimeSpan.FromMinutes(1));

        var error = await Assert.ThrowsAsync<TypeNotAllowedException>(() => echo.BounceAsync(new CallerOnly("x")));

        Assert.Equal(typeof(CallerOnly).FullName, error.TypeName);
        Assert.Contains("refused the arguments of a call of IEchoService.BounceAsync(object)", error.Message, StringComparison.Ordinal);
        Assert.Contains("actoripc.serialization.allowed-types", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetProxy_ResultOfATypeThisProcessDoesNotAllow_FailsNamingTheTypeNotAtTheTimeout()
    {
        await PublishAsync<IEchoService>("echo", new EchoService("one"));
        var echo = Callers.GetProxy<IEchoService>("echo", TimeSpan.FromMinutes(1));

        var error = await Assert.ThrowsAsync<TypeNotAllowedException>(() => echo.MakeAsync("publisher-only"));

        Assert.Equal(typeof(PublisherOnly).FullName, error.TypeName);
        Assert.Equal(_publisher.Address.ToString(), error.Sender);
        Assert.Contains("the result of a call of IEchoService.MakeAsync(string) on 'echo' was refused here", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetProxy_ResultOfATypeThePublisherDoesNotAllow_FailsNamingTheTypeNotAtTheTimeout()
    {
        await PublishAsync<IEchoService>("echo", new EchoService("one"));
        var echo = Callers.GetProxy<IEchoService>("echo", TimeSpan.FromMinutes(1));

        var error = await Assert.ThrowsAsync<TypeNotAllowedException>(() => echo.MakeAsync("unlisted"));

        Assert.Equal(typeof(Unlisted).FullName, error.TypeName);
        Assert.Contains("could not send the result of a call of IEchoService.MakeAsync(string)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetProxy_PublisherInTheSameNode_IsCalledWithoutSerialization()
    {
        using var publication = Callers.Publish<IEchoService>("local-echo", new EchoService("local"));
        var echo = Callers.GetProxy<IEchoService>("local-echo");
        var value = new List<int> { 1 };

        Assert.Same(value, await echo.BounceAsync(value));
        Assert.Equal("local", await echo.WhoAsync());
    }

    [Fact]
    public void GetProxy_ToString_NamesTheInterfaceAndTheName()
    {
        var calculator = Callers.GetProxy<ICalculator>("calculator");

        Assert.Equal($"proxy of {typeof(ICalculator).FullName} published as 'calculator'", calculator.ToString());
    }

    private static Config Parse(string text) => ConfigFactory.ParseString(text, new ConfigParseOptions { Resolve = false });

    /// <summary>Publishes in the publisher's node and waits until the caller's node sees <paramref name="expected"/> publishers of the name.</summary>
    private async Task<Publication> PublishAsync<TService>(string name, TService implementation, int expected = 1)
        where TService : class
    {
        var publication = Publishers.Publish(name, implementation);
        await AwaitPublishersAsync(name, expected);
        return publication;
    }

    private async Task AwaitPublishersAsync(string name, int count)
    {
        var key = new ServiceKey<PublishedObjectCall>(name);
        var listings = CreateTestProbe(_caller.System);
        Receptionist.Get(_caller.System).Subscribe(key, listings.Ref);
        await listings.FishForMessageAsync<Listing>(l => l.Callees.Count == count, Patience);
        Receptionist.Get(_caller.System).Unsubscribe(key, listings.Ref);
    }
}
