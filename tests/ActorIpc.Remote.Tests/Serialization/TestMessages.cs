namespace ActorIpc.Remote.Tests.Serialization;

/// <summary>Message shapes an application sends: nested records, collections, nullables, references.</summary>
public static class TestMessages
{
    public sealed record ShippingAddress(string Street, string City, int? PostCode);

    public sealed record Line(string Sku, int Quantity, decimal Price);

    public sealed record Order(
        Guid Id,
        string Customer,
        ShippingAddress ShipTo,
        ShippingAddress? BillTo,
        List<Line> Lines,
        Dictionary<string, string> Tags,
        DateTimeOffset PlacedAt,
        double? Discount) : ITestMessage;

    public sealed record Ping(int Sequence) : ITestMessage;

    public sealed record WithReferences(IActorRef ReplyTo, IActorRef? Optional, List<IActorRef> Watchers, ActorPath Origin) : ITestMessage;

    public sealed record Envelope<T>(string Key, T Payload) : ITestMessage;

    public sealed record WithDelegate(string Name, Func<int> Callback) : ITestMessage;

    public sealed class MutableClass : ITestMessage
    {
        public string Name { get; set; } = string.Empty;

        public IList<int> Values { get; set; } = [];
    }

    public static Order SampleOrder() => new(
        Guid.Parse("5f2b8f0e-3f3a-4d6e-9d5b-6a9c0e1f2a3b"),
        "Zoë Müller",
        new ShippingAddress("1 Main St", "Springfield", 12345),
        null,
        [new Line("A-1", 2, 9.99m), new Line("B-2", 1, 100m)],
        new Dictionary<string, string> { ["priority"] = "high", ["channel"] = "web" },
        new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.FromHours(2)),
        0.15);
}
