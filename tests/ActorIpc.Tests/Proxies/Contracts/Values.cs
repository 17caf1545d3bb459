namespace ActorIpc.Tests.Proxies.Contracts;

public enum Priority
{
    Low,
    High,
}

/// <summary>A record argument and result of an allowed type.</summary>
public sealed record Invoice(string Customer, IReadOnlyList<decimal> Lines, decimal Total = 0);

/// <summary>An exception of the implementation, with a property of its own.</summary>
public sealed class LedgerException(string message) : Exception(message)
{
    public int Code { get; init; }
}
