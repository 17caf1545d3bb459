using System.Runtime.ExceptionServices;
using ActorIpc.TestNode.Errors;
using ActorIpc.TestNode.Messages;
using ActorIpc.TestNode.Secret;

namespace ActorIpc.TestNode.Published;

/// <summary>The test node's <see cref="IOrderDesk"/>.</summary>
public sealed class OrderDesk : IOrderDesk
{
    public async Task<Order> StampAsync(Order order, string stamp)
    {
        await Task.Yield();
        return order with { Tags = order.Tags.Add(stamp) };
    }

    public ValueTask<int> ProcessIdAsync() => new(Environment.ProcessId);

    public async Task FailAsync(string kind)
    {
        await Task.Yield();
        // Thrown as caught, with the stack of where it was made.
        ExceptionDispatchInfo.Throw(Thrower.Catch(kind));
    }

    public Task<object> SecretAsync() => Task.FromResult<object>(new SecretOrder("for the test node only"));
}
