using System.Runtime.Serialization;
using Akka.Actor;
using Akka.Serialization;

namespace ActorIpc.Serialization;

/// <summary>
/// Akka.NET's serializer for exceptions sent as messages and for <see cref="Status.Failure"/>
/// replies (cause and state), in ActorIpc's own compact format: the type's name, the message, the
/// stack trace, the inner exceptions, Source, HResult, the <see cref="Exception.Data"/> entries
/// and the public properties. The receiver re-creates the exception's own type when
/// <c>actoripc.serialization</c> allows it, and a <see cref="RemoteException"/> otherwise, so an
/// Ask that fails with a remote error throws that error, never <see langword="null"/> or a
/// cancellation. Registered in ActorIpc's reference configuration (identifier 731), bound to
/// <see cref="Exception"/> and to <see cref="Status.Failure"/>.
/// </summary>
public sealed class ExceptionSerializer : SerializerWithStringManifest
{
    private const string ExceptionManifest = "E";
    private const string FailureManifest = "F";

    private readonly ExceptionCodec _codec;

    /// <summary>Creates the serializer for <paramref name="system"/>, with the allow-lists of its configuration.</summary>
    /// <param name="system">The actor system.</param>
    public ExceptionSerializer(ExtendedActorSystem system)
        : base(system)
    {
        ArgumentNullException.ThrowIfNull(system);
        _codec = new ExceptionCodec(system, SerializationSettings.Create(system.Settings.Config).CreateExceptionAllowList());
    }

    /// <summary>Which of the two payloads <paramref name="o"/> makes: <c>E</c> for an exception, <c>F</c> for a failure.</summary>
    /// <param name="o">An exception or a <see cref="Status.Failure"/>.</param>
    /// <returns>The manifest.</returns>
    /// <exception cref="ArgumentException"><paramref name="o"/> is neither.</exception>
    public override string Manifest(object o) => o switch
    {
        Status.Failure => FailureManifest,
        Exception => ExceptionManifest,
        _ => throw Unsupported(o),
    };

    /// <summary>Writes an exception or a <see cref="Status.Failure"/>.</summary>
    /// <param name="obj">An exception or a <see cref="Status.Failure"/>.</param>
    /// <returns>The payload.</returns>
    /// <exception cref="ArgumentException"><paramref name="obj"/> is neither.</exception>
    public override byte[] ToBinary(object obj) => obj switch
    {
        Status.Failure failure => _codec.ToBinary(failure),
        Exception exception => _codec.ToBinary(exception),
        _ => throw Unsupported(obj),
    };

    /// <summary>Reads a payload written by <see cref="ToBinary"/>.</summary>
    /// <param name="bytes">The payload.</param>
    /// <param name="manifest">The manifest that travelled with it.</param>
    /// <returns>The exception, or the <see cref="Status.Failure"/>.</returns>
    /// <exception cref="SerializationException">The manifest is unknown or the payload malformed.</exception>
    public override object FromBinary(byte[] bytes, string manifest) => manifest switch
    {
        FailureManifest => _codec.FailureFromBinary(bytes),
        ExceptionManifest => _codec.ExceptionFromBinary(bytes),
        _ => throw new SerializationException($"unknown manifest '{manifest}' for {nameof(ExceptionSerializer)}; expected '{ExceptionManifest}' or '{FailureManifest}'"),
    };

    private static ArgumentException Unsupported(object? o) =>
        new($"{nameof(ExceptionSerializer)} writes exceptions and Status.Failure, not {o?.GetType().FullName ?? "null"}", nameof(o));
}
