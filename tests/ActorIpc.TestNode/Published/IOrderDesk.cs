using ActorIpc.TestNode.Messages;

namespace ActorIpc.TestNode.Published;

/// <summary>The object the test node publishes (<see cref="TestNodeConfig.OrderDesk"/>), called through proxies by the tests.</summary>
public interface IOrderDesk
{
    /// <summary>Hands the order back with its total, as a new record.</summary>
    Task<Order> StampAsync(Order order, string stamp);

    /// <summary>The node's process id.</summary>
    ValueTask<int> ProcessIdAsync();

    /// <summary>Throws the exception <see cref="Errors.Thrower"/> makes of <paramref name="kind"/>.</summary>
    Task FailAsync(string kind);

    /// <summary>A value of a type only the test node allows (<see cref="Secret.SecretOrder"/>).</summary>
    Task<object> SecretAsync();
}
