using ActorIpc.Serialization;
using ActorIpc.TestNode;
using ActorIpc.TestNode.Errors;
using ActorIpc.TestNode.Messages;
using ActorIpc.TestNode.Published;
using ActorIpc.TestNode.Secret;

namespace ActorIpc.MultiProcess.Tests;

/// <summary>Proxies in this process calling the object the test node's process publishes.</summary>
[Collection(TestNodeCollection.Name)]
public sealed class ProxyCrossingTests(TestNodeFixture fixture) : NodeTestKit(fixture)
{
    private PublishedObjects Objects => PublishedObjects.Get(Fixture.Parent.System);

    [Fact]
    public async Task GetProxy_ObjectPublishedByAnotherProcess_AnswersItsCalls()
    {
        var desk = Objects.GetProxy<IOrderDesk>(TestNodeConfig.OrderDesk, CallTimeout);
        var order = Order.Sample();

        var stamped = await desk.StampAsync(order, "paid");
        var processId = await desk.ProcessIdAsync();

        Assert.Equal(order.Id, stamped.Id);
        Assert.Equal(order.Amounts, stamped.Amounts);
        Assert.Equal(["rush", "gift", "paid"], stamped.Tags);
        Assert.NotEqual(Environment.ProcessId, processId);
    }

    [Fact]
    public async Task GetProxy_ImplementationInAnotherProcessThrows_ThrowsThatExceptionWithItsCodeAndRemoteStack()
    {
        var desk = Objects.GetProxy<IOrderDesk>(TestNodeConfig.OrderDesk, CallTimeout);

        var error = await Assert.ThrowsAsync<QuotaExceededException>(() => desk.FailAsync("quota"));

        Assert.Equal(42, error.Code);
        Assert.Equal("quota of 5 exceeded", error.Message);
        Assert.Contains("ThrowQuotaExceeded", error.StackTrace, StringComparison.Ordinal);
    }

    [Fact]
    public void GetProxy_InterfaceWithARefusedMethodShape_IsRefusedWhenMadeNamingTheMethod()
    {
        var error = Assert.Throws<ArgumentException>(() => Objects.GetProxy<IRefusedDesk>(TestNodeConfig.OrderDesk));

        Assert.Contains(typeof(IRefusedDesk).FullName!, error.Message, StringComparison.Ordinal);
        Assert.Contains("Order IRefusedDesk.Stamp(Order order, string stamp): returns Order, not Task", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetProxy_AnotherInterfaceThanThePublishedOne_FailsNamingBothAndTheOtherProcess()
    {
        var other = Objects.GetProxy<IOtherDesk>(TestNodeConfig.OrderDesk, CallTimeout);

        var error = await Assert.ThrowsAsync<PublishedObjectMismatchException>(() => other.CountAsync());

        Assert.Equal(typeof(IOrderDesk).FullName, error.PublishedService);
        Assert.Equal(typeof(IOtherDesk).FullName, error.ProxyService);
        Assert.StartsWith(Fixture.Child.Address, error.Publisher, StringComparison.Ordinal);
        Assert.NotEqual(Environment.ProcessId, error.PublisherProcessId);
    }

    [Fact]
    public async Task GetProxy_ResultOfATypeThisProcessDoesNotAllow_FailsNamingTheTypeAndTheSenderAtOnce()
    {
        var desk = Objects.GetProxy<IOrderDesk>(TestNodeConfig.OrderDesk, TimeSpan.FromMinutes(1));

        var error = await Assert.ThrowsAsync<TypeNotAllowedException>(() => desk.SecretAsync());

        Assert.Equal(typeof(SecretOrder).FullName, error.TypeName);
        Assert.Equal(Fixture.Child.Address, error.Sender);
    }

    [Fact]
    public async Task CallJsonAsync_ObjectPublishedByAnotherProcess_TakesAndAnswersAnOrderAsJson()
    {
        var json = await Objects.CallJsonAsync(
            TestNodeConfig.OrderDesk,
            "Stamp",
            """[{"id": "5b0f7c55-7a55-4b7e-9a2e-2d6c1f3f4b10", "customer": "ada", "placed": "2026-12-07T10:00:00+00:00", "amounts": [1.5], "tags": ["rush"], "counts": {"a": 1}, "state": 0}, "paid"]""",
            timeout: CallTimeout);
        var processId = await Objects.CallJsonAsync(TestNodeConfig.OrderDesk, "ProcessIdAsync", "[]", timeout: CallTimeout);

        using var order = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal("ada", order.RootElement.GetProperty("customer").GetString());
        Assert.Equal(["rush", "paid"], order.RootElement.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.NotEqual(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), processId);
    }

    [Fact]
    public async Task CallJsonAsync_ImplementationInAnotherProcessThrows_ThrowsRemoteExceptionWithTheTypeAndMessage()
    {
        var error = await Assert.ThrowsAsync<RemoteException>(
            () => Objects.CallJsonAsync(TestNodeConfig.OrderDesk, "Fail", "[\"quota\"]", timeout: CallTimeout));

        Assert.Equal(typeof(QuotaExceededException).FullName, error.RemoteType);
        Assert.Equal("quota of 5 exceeded", error.RemoteMessage);
    }
}
