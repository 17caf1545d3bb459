namespace ActorIpc.TestNode.Hidden;

/// <summary>An exception type the tests' own process does not allow: it arrives there as a RemoteException.</summary>
public sealed class LedgerCorruptedException(string message) : Exception(message)
{
    /// <summary>The corrupt page.</summary>
    public int Page { get; init; }

    /// <summary>The ledger's name.</summary>
    public string? Ledger { get; init; }
}
