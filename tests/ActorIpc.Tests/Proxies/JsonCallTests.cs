using System.Text.Json;
using ActorIpc.Hocon;
using ActorIpc.Hosting;
using ActorIpc.Serialization;
using ActorIpc.Tests.Proxies.Contracts;

namespace ActorIpc.Tests.Proxies;

/// <summary>
/// Calls by a method's name with JSON arguments (<see cref="PublishedObjects.CallJsonAsync"/>),
/// from a node that allows none of the interfaces' types to one that publishes them.
/// </summary>
public sealed class JsonCallTests : Akka.TestKit.Xunit2.TestKit, IAsyncLifetime
{
    private const string PublisherSettings = """
        actoripc.serialization.allowed-types += "ActorIpc.Tests.Proxies.Contracts.*"
        actoripc.published-objects.drain-timeout = 1s
        """;

    private const string CallerSettings = """
        actoripc.invoker.keys { "nobody" { timeout = 300ms } }
        """;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private ActorIpcNode _caller = null!;
    private ActorIpcNode _publisher = null!;

    public async Task InitializeAsync()
    {
        _caller = await ActorIpcNode.StartAsync(new NodeOptions { Config = Parse(CallerSettings) });
        _publisher = await ActorIpcNode.StartAsync(new NodeOptions { Config = Parse(PublisherSettings), Seed = _caller.Address.ToString() });
    }

    public async Task DisposeAsync()
    {
        await _publisher.DisposeAsync();
        await _caller.DisposeAsync();
    }

    private PublishedObjects Callers => PublishedObjects.Get(_caller.System);

    [Fact]
    public async Task CallJsonAsync_MethodByItsNameWithOrWithoutAsync_ReturnsTheResultAsJson()
    {
        await PublishAsync<ICalculator>("calculator", new Calculator());

        Assert.Equal("3", await Callers.CallJsonAsync("calculator", "DivideAsync", "[7, 2]"));
        Assert.Equal("4", await Callers.CallJsonAsync("calculator", "Divide", "[8, 2]"));
    }

    [Fact]
    public async Task CallJsonAsync_MethodWithoutResult_ReturnsNullOnceItRan()
    {
        var implementation = new Calculator();
        await PublishAsync<ICalculator>("calculator", implementation);

        Assert.Equal("null", await Callers.CallJsonAsync("calculator", "Record", "[\"first\"]"));
        Assert.Equal("null", await Callers.CallJsonAsync("calculator", "ResetAsync", "[]"));

        Assert.Equal(["first"], implementation.Entries);
    }

    [Fact]
    public async Task CallJsonAsync_RecordArgumentAndResult_CrossAsCamelCaseJsonWithoutTheAllowList()
    {
        await PublishAsync<IEchoService>("echo", new EchoService("one"));

        var json = await Callers.CallJsonAsync("echo", "Total", """[{"customer": "ada", "lines": [1.5, 2.25]}]""");

        using var result = JsonDocument.Parse(json);
        Assert.Equal("ada", result.RootElement.GetProperty("customer").GetString());
        Assert.Equal(3.75m, result.RootElement.GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task CallJsonAsync_ManyKindsOfArguments_AreConvertedToTheParametersTypes()
    {
        await PublishAsync<IEchoService>("echo", new EchoService("one"));

        var json = await Callers.CallJsonAsync(
            "echo",
            "DescribeAsync",
            """["t", 1, 1099511627776, 0.5, 7.25, true, "5b0f7c55-7a55-4b7e-9a2e-2d6c1f3f4b10", "2026-12-07T10:00:00+00:00", "00:00:03", "AQI=", [1, 2], 1, "x"]""");

        Assert.Equal(
            "\"t|1|1099511627776|0.5|7.25|True|5b0f7c55-7a55-4b7e-9a2e-2d6c1f3f4b10|2026-12-07T10:00:00.0000000+00:00|00:00:03|0102|1,2|High|x\"",
            json);
    }

    [Fact]
    public async Task CallJsonAsync_ServiceNamedAsPublished_IsServedAndAnotherIsRefusedNamingBoth()
    {
        await PublishAsync<ICalculator>("calculator", new Calculator());

        Assert.Equal("1", await Callers.CallJsonAsync("calculator", "Count", "[]", service: "ICalculator"));
        Assert.Equal("2", await Callers.CallJsonAsync("calculator", "Count", "[]", service: typeof(ICalculator).FullName));
        var error = await Assert.ThrowsAsync<JsonCallRefusedException>(
            () => Callers.CallJsonAsync("calculator", "Count", "[]", service: "IEchoService"));

        Assert.Contains("not IEchoService", error.Reason, StringComparison.Ordinal);
        Assert.Contains(typeof(ICalculator).FullName!, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallJsonAsync_UnknownMethod_IsRefusedListingTheMethods()
    {
        await PublishAsync<ICalculator>("calculator", new Calculator());

        var error = await Assert.ThrowsAsync<JsonCallRefusedException>(() => Callers.CallJsonAsync("calculator", "Multiply", "[2, 3]"));

        Assert.Equal("calculator", error.Name);
        Assert.Equal("Multiply", error.Method);
        Assert.Contains("has no method Multiply", error.Reason, StringComparison.Ordinal);
        Assert.Contains("DivideAsync(int a, int b)", error.Reason, StringComparison.Ordinal);
        Assert.Contains(_publisher.Address.ToString(), error.Publisher, StringComparison.Ordinal);
        Assert.Equal(Environment.ProcessId, error.PublisherProcessId);
    }

    [Fact]
    public async Task CallJsonAsync_OverloadsOfTheSameCount_AreRefusedAsAmbiguousAndAnotherCountSaysWhatFits()
    {
        await PublishAsync<ICalculator>("calculator", new Calculator());

        var ambiguous = await Assert.ThrowsAsync<JsonCallRefusedException>(() => Callers.CallJsonAsync("calculator", "Add", "[2, 3]"));
        var count = await Assert.ThrowsAsync<JsonCallRefusedException>(() => Callers.CallJsonAsync("calculator", "Divide", "[2]"));

        Assert.Contains("3 overloads", ambiguous.Reason, StringComparison.Ordinal);
        Assert.Contains("takes 1 argument", count.Reason, StringComparison.Ordinal);
        Assert.Contains("DivideAsync(int a, int b)", count.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallJsonAsync_ArgumentThatDoesNotConvert_IsRefusedNamingTheParameter()
    {
        await PublishAsync<ICalculator>("calculator", new Calculator());

        var error = await Assert.ThrowsAsync<JsonCallRefusedException>(() => Callers.CallJsonAsync("calculator", "Divide", "[7, \"two\"]"));

        Assert.Contains("argument 2 (int b)", error.Reason, StringComparison.Ordinal);
        Assert.Contains("\"two\"", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallJsonAsync_MethodThrows_ThrowsARemoteExceptionWithItsTypeAndMessage()
    {
        await PublishAsync<ICalculator>("calculator", new Calculator());

        var error = await Assert.ThrowsAsync<RemoteException>(() => Callers.CallJsonAsync("calculator", "Divide", "[1, 0]"));

        Assert.Equal(typeof(DivideByZeroException).FullName, error.RemoteType);
        Assert.Equal(new DivideByZeroException().Message, error.RemoteMessage);
    }

    [Theory]
    [InlineData("{\"a\": 1}", "one JSON array")]
    [InlineData("[1, 2", "not JSON")]
    [InlineData("", "not JSON")]
    public async Task CallJsonAsync_ArgumentsNotOneJsonArray_ThrowsBeforeSending(string arguments, string expected)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Callers.CallJsonAsync("nobody", "Count", arguments));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallJsonAsync_NothingPublishedUnderTheName_FailsWithNoCalleeAfterTheTimeout()
    {
        await Assert.ThrowsAsync<NoCalleeException>(() => Callers.CallJsonAsync("nobody", "Count", "[]"));
    }

    [Fact]
    public async Task CallJsonAsync_AfterUnpublish_IsNoLongerServed()
    {
        var publication = await PublishAsync<ICalculator>("calculator", new Calculator());
        Assert.Equal("1", await Callers.CallJsonAsync("calculator", "Count", "[]"));

        await publication.DisposeAsync();
        await AwaitPublishersAsync("calculator", 0);

        await Assert.ThrowsAsync<NoCalleeException>(
            () => Callers.CallJsonAsync("calculator", "Count", "[]", timeout: TimeSpan.FromMilliseconds(300)));
    }

    private static Config Parse(string text) => ConfigFactory.ParseString(text, new ConfigParseOptions { Resolve = false });

    private async Task<Publication> PublishAsync<TService>(string name, TService implementation)
        where TService : class
    {
        var publication = PublishedObjects.Get(_publisher.System).Publish(name, implementation);
        await AwaitPublishersAsync(name, 1);
        return publication;
    }

    // The JSON key of the name, as the caller's receptionist sees it.
    private async Task AwaitPublishersAsync(string name, int count)
    {
        var key = new ServiceKey<PublishedObjectJsonCall>(name);
        var listings = CreateTestProbe(_caller.System);
        Receptionist.Get(_caller.System).Subscribe(key, listings.Ref);
        await listings.FishForMessageAsync<Listing>(l => l.Callees.Count == count, Patience);
        Receptionist.Get(_caller.System).Unsubscribe(key, listings.Ref);
    }
}
