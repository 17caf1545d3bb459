using Hyperion;

namespace ActorIpc.Serialization;

/// <summary>
/// How an exception travels inside a message that Hyperion serializes (a record with an
/// <see cref="Exception"/> property): as ActorIpc's exception payload, so that it arrives as
/// intact as one sent by itself, and so that Hyperion never creates an exception type from the
/// wire. The allow-list always allows this type.
/// </summary>
internal sealed class ExceptionSurrogate
{
    /// <summary>Creates the surrogate.</summary>
    /// <param name="payload">The exception in ActorIpc's exception format.</param>
    public ExceptionSurrogate(byte[] payload) => Payload = payload;

    /// <summary>The exception in ActorIpc's exception format.</summary>
    public byte[] Payload { get; }

    /// <summary>The Hyperion surrogate that replaces every exception by an instance of this type, and back.</summary>
    /// <param name="codec">The exception format.</param>
    /// <returns>The surrogate.</returns>
    public static Surrogate For(ExceptionCodec codec)
    {
        ArgumentNullException.ThrowIfNull(codec);
        return Surrogate.Create<Exception, ExceptionSurrogate>(
            exception => new ExceptionSurrogate(codec.ToBinary(exception)),
            surrogate => codec.ExceptionFromBinary(surrogate.Payload));
    }
}
