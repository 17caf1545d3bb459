namespace ActorIpc;

/// <summary>The node is shutting down: deregister every local callee, tell the other nodes, and accept no new registration.</summary>
internal sealed class WithdrawCallees
{
    public static readonly WithdrawCallees Instance = new();

    private WithdrawCallees()
    {
    }
}
