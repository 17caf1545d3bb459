using ActorIpc.Tests.Proxies.Contracts;
using ActorIpc.Tests.Proxies.Fenced;

namespace ActorIpc.Tests.Proxies;

public sealed class EchoService(string name) : IEchoService
{
    public Task<string?> EchoAsync(string? text) => Task.FromResult(text is null ? null : $"{name}:{text}");

    public Task<string> DescribeAsync(string text, int number, long big, double ratio, decimal money, bool flag, Guid id,
        DateTimeOffset when, TimeSpan span, byte[] bytes, List<int> numbers, Priority priority, char letter) =>
        Task.FromResult(FormattableString.Invariant(
            $"{text}|{number}|{big}|{ratio}|{money}|{flag}|{id}|{when:O}|{span}|{Convert.ToHexString(bytes)}|{string.Join(",", numbers)}|{priority}|{letter}"));

    public Task<Invoice> TotalAsync(Invoice invoice) => Task.FromResult(invoice with { Total = invoice.Lines.Sum() });

    public Task<object?> BounceAsync(object? value) => Task.FromResult(value);

    public Task<object> MakeAsync(string kind) => Task.FromResult<object>(kind switch
    {
        "publisher-only" => new PublisherOnly("made by the publisher"),
        _ => new Unlisted("allowed nowhere"),
    });

    public Task<string> WhoAsync() => Task.FromResult(name);
}
