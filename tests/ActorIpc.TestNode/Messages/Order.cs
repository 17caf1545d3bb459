using System.Collections.Immutable;

namespace ActorIpc.TestNode.Messages;

/// <summary>A record with the types applications send: immutable collections, Guid, DateTimeOffset, decimals, an enum.</summary>
public sealed record Order(
    Guid Id,
    string Customer,
    DateTimeOffset Placed,
    decimal[] Amounts,
    ImmutableList<string> Tags,
    ImmutableDictionary<string, int> Counts,
    OrderState State)
{
    /// <summary>An order with a value in every field.</summary>
    public static Order Sample() => new(
        Guid.Parse("6f1c2d3e-4b5a-4978-8a6b-5c4d3e2f1a0b"),
        "ada",
        new DateTimeOffset(2026, 7, 12, 9, 30, 15, TimeSpan.FromHours(2)),
        [1.5m, 2.25m, 1234567.891m],
        ["rush", "gift"],
        ImmutableDictionary<string, int>.Empty.Add("apples", 3).Add("pears", 2),
        OrderState.Shipped);
}
