using System.Collections.Immutable;
using Akka.Actor;

namespace ActorIpc.Tests.Serialization.Messages;

// Allowed in the test system by "ActorIpc.Tests.Serialization.Messages.*".
public static class TestMessages
{
    public enum Priority
    {
        Low,
        High,
    }

    public sealed record Order(
        Guid Id,
        string Customer,
        DateTimeOffset Placed,
        decimal[] Amounts,
        ImmutableList<string> Tags,
        ImmutableDictionary<string, int> Counts,
        Dictionary<string, Line> Lines,
        Priority Priority,
        int[] Numbers,
        Uri Link);

    public sealed record Line(int Quantity, string Sku);

    public sealed record Envelope<T>(T Body);

    public sealed record WithRef(IActorRef ReplyTo, string Text);

    public sealed record WithRefs(List<IActorRef> ReplyTo);

    public sealed record WithError(string Note, Exception Error);

    public sealed record WithObject(object Payload);
}
