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
}
