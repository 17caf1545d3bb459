using System.Runtime.Serialization;
using Akka.Actor;

namespace ActorIpc.Serialization;

/// <summary>
/// ActorIpc's exception format, as payloads: a version byte (1), then for an exception one record
/// (see <see cref="ExceptionWriter"/>), and for a <see cref="Status.Failure"/> a Boolean (a cause
/// follows), the cause's record, and the state as a value through the actor system's serialization
/// (see <see cref="WireValueWriter"/>).
/// </summary>
internal sealed class ExceptionCodec
{
    private const byte Version = 1;

    // Serializing a property value goes through the actor system's serialization, which may come
    // back here (a record with an exception inside, whose property holds that record, ...). The
    // count of payloads this thread is writing breaks such a cycle: past the bound the value is
    // written as its text. Thread-local because serialization runs synchronously on one thread.
    private const int MaxNesting = 8;

    [ThreadStatic]
    private static int _nesting;

    private readonly ExceptionWriter _writer;
    private readonly ExceptionReader _reader;
    private readonly ExceptionRebuilder _rebuilder;

    /// <summary>Creates the codec.</summary>
    /// <param name="system">The actor system whose serialization carries property values and states.</param>
    /// <param name="exceptionTypes">The exception types re-created as themselves.</param>
    public ExceptionCodec(ExtendedActorSystem system, TypeAllowList exceptionTypes)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(exceptionTypes);
        _writer = new ExceptionWriter(system);
        _reader = new ExceptionReader(system);
        _rebuilder = new ExceptionRebuilder(exceptionTypes);
    }

    /// <summary>Writes <paramref name="exception"/>.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>The payload.</returns>
    /// <exception cref="SerializationException">Exceptions are nested inside each other's values too deeply.</exception>
    public byte[] ToBinary(Exception exception) => Write(writer => _writer.Write(writer, exception));

    /// <summary>Writes <paramref name="failure"/>: its cause and its state.</summary>
    /// <param name="failure">The failure.</param>
    /// <returns>The payload.</returns>
    /// <exception cref="SerializationException">Exceptions are nested inside each other's values too deeply.</exception>
    public byte[] ToBinary(Status.Failure failure) => Write(writer =>
    {
        writer.Write(failure.Cause is not null);
        if (failure.Cause is not null)
        {
            _writer.Write(writer, failure.Cause);
        }

        _writer.Values.WriteSerialized(writer, failure.State);
    });

    /// <summary>Reads an exception payload and re-creates the exception.</summary>
    /// <param name="bytes">The payload.</param>
    /// <returns>The exception, of its own type or a <see cref="RemoteException"/>.</returns>
    /// <exception cref="SerializationException">The payload is not one of this format.</exception>
    public Exception ExceptionFromBinary(byte[] bytes) =>
        Read(bytes, reader => _rebuilder.Rebuild(_reader.Read(reader, depth: 0)));

    /// <summary>Reads a failure payload.</summary>
    /// <param name="bytes">The payload.</param>
    /// <returns>The failure, its cause re-created; a state that does not deserialize here arrives as its text.</returns>
    /// <exception cref="SerializationException">The payload is not one of this format.</exception>
    public Status.Failure FailureFromBinary(byte[] bytes) => Read(bytes, reader =>
    {
        var cause = reader.ReadBoolean() ? _rebuilder.Rebuild(_reader.Read(reader, depth: 0)) : null;
        var state = _reader.Values.Read(reader, depth: 0);
        return new Status.Failure(cause, state.IsAvailable ? state.Value : state.Text);
    });

    private static byte[] Write(Action<BinaryWriter> write)
    {
        if (_nesting >= MaxNesting)
        {
            throw new SerializationException($"exceptions nested inside each other's properties more than {MaxNesting} deep");
        }

        _nesting++;
        try
        {
            return VersionedPayload.Write(Version, write);
        }
        finally
        {
            _nesting--;
        }
    }

    private static T Read<T>(byte[] bytes, Func<BinaryReader, T> read) =>
        VersionedPayload.Read(bytes, Version, "an exception payload", read);
}
