namespace ActorIpc.TestNode.Published;

/// <summary>Not what the test node publishes: a proxy of it under the desk's name is refused by the node.</summary>
public interface IOtherDesk
{
    Task<int> CountAsync();
}
