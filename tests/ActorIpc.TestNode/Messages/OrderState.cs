namespace ActorIpc.TestNode.Messages;

/// <summary>Where an order is.</summary>
public enum OrderState
{
    Placed,
    Shipped,
}
