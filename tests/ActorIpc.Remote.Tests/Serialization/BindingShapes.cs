using System.Buffers;
using System.Text;
using ActorIpc.Remote.Serialization;

namespace ActorIpc.Remote.Tests.Serialization;

/// <summary>Type hierarchies for binding resolution, and a user serializer registered through HOCON.</summary>
public static class BindingShapes
{
    public interface IEvent;

    public interface IDomainEvent : IEvent;

    public interface IAudited;

    public interface IUnrelated;

    public abstract record EventBase : IEvent;

    public sealed record Created(string Id) : EventBase, IDomainEvent;

    public sealed record Exact(string Id) : EventBase;

    public sealed record AuditedAndUnrelated(string Id) : IAudited, IUnrelated;

    public sealed record OnlyDomain(string Id) : IDomainEvent;

    public sealed record Unbound(string Id);

    public sealed record Shout(string Text);

    /// <summary>Set by <see cref="Gadget"/>'s static constructor; kept outside it, since reading it there would run that constructor.</summary>
    public static bool GadgetInitialized { get; private set; }

    /// <summary>Static constructor side effect: proves a refused type's initializer never runs.</summary>
    public sealed class Gadget
    {
        static Gadget()
        {
            GadgetInitialized = true;
        }

        public string Command { get; set; } = string.Empty;
    }

    /// <summary>A user serializer: upper-cases a <see cref="Shout"/> on the way out.</summary>
    public sealed class ShoutSerializer : Serializer
    {
        public override int Identifier => 4242;

        public override bool IncludeManifest => false;

        public override void ToBinary(object message, IBufferWriter<byte> output, SerializationContext context) =>
            Encoding.UTF8.GetBytes(((Shout)message).Text.ToUpperInvariant(), output);

        public override object FromBinary(ReadOnlySequence<byte> bytes, Type? type, SerializationContext context) =>
            new Shout(Encoding.UTF8.GetString(bytes));
    }

    public sealed class ReservedIdSerializer : Serializer
    {
        public override int Identifier => 7;

        public override void ToBinary(object message, IBufferWriter<byte> output, SerializationContext context)
        {
        }

        public override object FromBinary(ReadOnlySequence<byte> bytes, Type? type, SerializationContext context) => new object();
    }
}
