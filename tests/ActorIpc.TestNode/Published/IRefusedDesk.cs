using ActorIpc.TestNode.Messages;

namespace ActorIpc.TestNode.Published;

/// <summary>A desk with a method a proxy cannot call (it returns synchronously).</summary>
public interface IRefusedDesk
{
    Order Stamp(Order order, string stamp);
}
