using Akka.Actor;
using Akka.Serialization;
using Hyperion.Internal;

namespace ActorIpc.Serialization;

/// <summary>
/// Hyperion, Akka.NET's serializer of user messages, creating from the wire only the types that
/// <c>actoripc.serialization</c> allows (<c>allowed-types</c>, <c>system-types</c>, and Akka's
/// own surrogates for actor references and paths). A message that carries another type is
/// refused with a <see cref="TypeNotAllowedException"/> naming the type and the sending process;
/// Akka.Remote logs it and keeps the connection. Exceptions inside messages travel in ActorIpc's
/// exception format (see <see cref="ExceptionSerializer"/>). It keeps Hyperion's serializer id
/// (-5): its bytes are Hyperion's own.
/// </summary>
public sealed class AllowListHyperionSerializer : HyperionSerializer
{
    private readonly TypeAllowList _allowList;

    /// <summary>Creates the serializer for <paramref name="system"/>, with Hyperion's default settings.</summary>
    /// <param name="system">The actor system.</param>
    public AllowListHyperionSerializer(ExtendedActorSystem system)
        : this(system, HyperionSerializerSettings.Default)
    {
    }

    /// <summary>Creates the serializer for <paramref name="system"/>; Akka passes the serializer's settings section.</summary>
    /// <param name="system">The actor system.</param>
    /// <param name="config">The serializer's settings section (<c>akka.actor.serialization-settings.hyperion</c>).</param>
    public AllowListHyperionSerializer(ExtendedActorSystem system, Akka.Configuration.Config config)
        : this(system, HyperionSerializerSettings.Create(config))
    {
    }

    private AllowListHyperionSerializer(ExtendedActorSystem system, HyperionSerializerSettings settings)
        : this(system, settings, SerializationSettings.Create((system ?? throw new ArgumentNullException(nameof(system))).Settings.Config))
    {
    }

    private AllowListHyperionSerializer(ExtendedActorSystem system, HyperionSerializerSettings settings, SerializationSettings allowed)
        : this(system, settings, allowed.CreateMessageAllowList(), new ExceptionCodec(system, allowed.CreateExceptionAllowList()))
    {
    }

    private AllowListHyperionSerializer(ExtendedActorSystem system, HyperionSerializerSettings settings, TypeAllowList allowList, ExceptionCodec exceptions)
        : base(system, settings
            // Hyperion consults its type filter only while unsafe types are disallowed: both are forced on.
            .WithDisallowUnsafeType(true)
            .WithTypeFilter(allowList)
            .WithSurrogates([.. settings.Surrogates, ExceptionSurrogate.For(exceptions)]))
    {
        _allowList = allowList;
    }

    /// <summary>Serializes <paramref name="obj"/> with Hyperion, if its type is allowed.</summary>
    /// <param name="obj">The message.</param>
    /// <returns>Hyperion's bytes.</returns>
    /// <exception cref="TypeNotAllowedException">The message's type is not allowed; it is not sent.</exception>
    public override byte[] ToBinary(object obj)
    {
        try
        {
            return base.ToBinary(obj);
        }
        catch (Exception e) when (Refusal(e) is not null)
        {
            var type = obj.GetType();
            var refused = _allowList.FindRefused(type.AssemblyQualifiedName ?? type.FullName ?? type.Name) ?? type.FullName ?? type.Name;
            throw TypeNotAllowedException.NotSent(refused, type.ToString());
        }
    }

    /// <summary>Deserializes a message Hyperion wrote, creating only allowed types.</summary>
    /// <param name="bytes">Hyperion's bytes.</param>
    /// <param name="type">Not used: Hyperion's bytes name their types.</param>
    /// <returns>The message.</returns>
    /// <exception cref="TypeNotAllowedException">The message carries a type that is not allowed; the exception names it and the sender.</exception>
    public override object FromBinary(byte[] bytes, Type type)
    {
        try
        {
            return base.FromBinary(bytes, type);
        }
        catch (Exception e) when (Refusal(e) is { } refusal)
        {
            // Hyperion reports the name it was refused with; the part of it that is not allowed
            // (a type argument, say) is what the user has to allow.
            var name = refusal.BadTypeString;
            var carriedBy = TypeName.TryParse(name, out var parsed) ? parsed.ToString() : name;
            throw TypeNotAllowedException.Received(_allowList.FindRefused(name) ?? carriedBy, carriedBy, RemoteSender.Current());
        }
    }

    // Hyperion wraps the refusal in one SerializationException per object it was reading.
    private static UserEvilDeserializationException? Refusal(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is UserEvilDeserializationException refusal)
            {
                return refusal;
            }
        }

        return null;
    }
}
