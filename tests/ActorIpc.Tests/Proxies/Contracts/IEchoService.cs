namespace ActorIpc.Tests.Proxies.Contracts;

/// <summary>Arguments and results of many kinds, and the publisher's identity.</summary>
public interface IEchoService
{
    Task<string?> EchoAsync(string? text);

    Task<string> DescribeAsync(string text, int number, long big, double ratio, decimal money, bool flag, Guid id,
        DateTimeOffset when, TimeSpan span, byte[] bytes, List<int> numbers, Priority priority, char letter);

    Task<Invoice> TotalAsync(Invoice invoice);

    /// <summary>Hands back what it gets, whatever its type.</summary>
    Task<object?> BounceAsync(object? value);

    /// <summary>Makes a value of a type one of the processes does not allow: "host-only" or "unlisted".</summary>
    Task<object> MakeAsync(string kind);

    Task<string> WhoAsync();
}
