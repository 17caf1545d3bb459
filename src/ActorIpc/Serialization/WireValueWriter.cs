using System.Globalization;
using System.Text;
using Akka.Actor;

namespace ActorIpc.Serialization;

/// <summary>
/// Writes one value of ActorIpc's exception format: a <see cref="WireTag"/>, then the value.
/// Primitives, strings, enums, <see cref="Guid"/>, <see cref="DateTime"/>,
/// <see cref="DateTimeOffset"/>, <see cref="TimeSpan"/> and <see cref="decimal"/> are written
/// directly, exceptions as nested records, anything else through the actor system's serialization
/// (so the receiver's allow-list applies to it), with its text as the fallback.
/// </summary>
internal sealed class WireValueWriter
{
    private readonly ExtendedActorSystem _system;
    private readonly Action<BinaryWriter, Exception, ExceptionPath> _writeException;

    /// <summary>Creates the writer.</summary>
    /// <param name="system">The actor system whose serialization writes values that are not written directly.</param>
    /// <param name="writeException">Writes an exception as a nested record inside the records of a path.</param>
    public WireValueWriter(ExtendedActorSystem system, Action<BinaryWriter, Exception, ExceptionPath> writeException)
    {
        _system = system;
        _writeException = writeException;
    }

    /// <summary>The value's text as the receiver shows it: invariant culture for numbers and dates.</summary>
    /// <param name="value">The value.</param>
    /// <returns>Its text; <see langword="null"/> for <see langword="null"/>.</returns>
    public static string? TextOf(object? value)
    {
        try
        {
            return value switch
            {
                null => null,
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString() ?? value.GetType().FullName,
            };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return value!.GetType().FullName; // a ToString that throws leaves the type's name
        }
    }

    /// <summary>Encodes <paramref name="value"/> as a tag and its bytes.</summary>
    /// <param name="value">The value.</param>
    /// <param name="textFallback">Whether a value that does not serialize is written as its text; otherwise the result is <see langword="null"/>.</param>
    /// <param name="path">The records the value's record is inside of.</param>
    /// <returns>The bytes, or <see langword="null"/> when the value does not serialize and <paramref name="textFallback"/> is off.</returns>
    public byte[]? TryEncode(object? value, bool textFallback, ExceptionPath path) =>
        Encode(writer => TryWrite(writer, value, textFallback, path));

    /// <summary>Encodes a value of which only the text is known.</summary>
    /// <param name="text">The text; <see langword="null"/> writes <see langword="null"/>.</param>
    /// <returns>The bytes.</returns>
    public byte[] EncodeText(string? text) => Encode(writer =>
    {
        if (text is null)
        {
            writer.Write((byte)WireTag.Null);
        }
        else
        {
            writer.Write((byte)WireTag.Text);
            writer.Write(text);
        }

        return true;
    })!;

    /// <summary>Writes <paramref name="value"/> through the actor system's serialization, or as its text when that fails.</summary>
    /// <param name="writer">Where to.</param>
    /// <param name="value">The value; <see langword="null"/> writes <see langword="null"/>.</param>
    public void WriteSerialized(BinaryWriter writer, object? value)
    {
        if (value is null)
        {
            writer.Write((byte)WireTag.Null);
        }
        else if (!TryWriteSerialized(writer, value))
        {
            writer.Write((byte)WireTag.Text);
            writer.Write(TextOf(value)!);
        }
    }

    private static byte[]? Encode(Func<BinaryWriter, bool> write)
    {
        using var buffer = new MemoryStream();
        using var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true);
        if (!write(writer))
        {
            return null;
        }

        writer.Flush();
        return buffer.ToArray();
    }

    private bool TryWrite(BinaryWriter writer, object? value, bool textFallback, ExceptionPath path)
    {
        if (TryWriteDirect(writer, value))
        {
            return true;
        }

        if (value is Exception exception)
        {
            // Exceptions nest as records, never through the actor system's serialization, so
            // that the path sees every one of them.
            if (path.CanEnter(exception))
            {
                writer.Write((byte)WireTag.Exception);
                _writeException(writer, exception, path);
                return true;
            }
        }
        else if (TryWriteSerialized(writer, value!))
        {
            return true;
        }

        if (!textFallback)
        {
            return false;
        }

        writer.Write((byte)WireTag.Text);
        writer.Write(TextOf(value)!);
        return true;
    }

    private static bool TryWriteDirect(BinaryWriter writer, object? value)
    {
        if (WirePrimitives.TryWrite(writer, value))
        {
            return true;
        }

        if (value is not Enum v)
        {
            return false;
        }

        writer.Write((byte)WireTag.Enum);
        writer.Write(EnumBits(v));
        writer.Write(v.ToString());
        return true;
    }

    // An unsigned 64-bit enum's value does not fit an Int64: its bits are carried as they are.
    private static long EnumBits(Enum value) =>
        Type.GetTypeCode(Enum.GetUnderlyingType(value.GetType())) == TypeCode.UInt64
            ? unchecked((long)Convert.ToUInt64(value, CultureInfo.InvariantCulture))
            : Convert.ToInt64(value, CultureInfo.InvariantCulture);

    private bool TryWriteSerialized(BinaryWriter writer, object value)
    {
        (int, string, byte[]) serialized;
        try
        {
            serialized = WirePrimitives.Serialize(_system, value);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Any serializer's failure (a type not allowed, a type it cannot handle) leaves the text.
            return false;
        }

        writer.Write((byte)WireTag.Serialized);
        WirePrimitives.WriteSerialized(writer, serialized);
        writer.Write(TextOf(value)!);
        return true;
    }
}
