namespace ActorIpc.Serialization;

/// <summary>
/// The first byte of a value in ActorIpc's exception format (a property, a <c>Data</c> entry, a
/// <c>Status.Failure</c>'s state): how the bytes after it read.
/// </summary>
internal enum WireTag : byte
{
    /// <summary><see langword="null"/>; nothing follows.</summary>
    Null = 0,

    /// <summary>A string (BinaryWriter's length-prefixed UTF-8).</summary>
    String = 1,

    /// <summary>A <see cref="bool"/>.</summary>
    Boolean = 2,

    /// <summary>A <see cref="byte"/>.</summary>
    Byte = 3,

    /// <summary>An <see cref="sbyte"/>.</summary>
    SByte = 4,

    /// <summary>A <see cref="short"/>.</summary>
    Int16 = 5,

    /// <summary>A <see cref="ushort"/>.</summary>
    UInt16 = 6,

    /// <summary>An <see cref="int"/>.</summary>
    Int32 = 7,

    /// <summary>A <see cref="uint"/>.</summary>
    UInt32 = 8,

    /// <summary>A <see cref="long"/>.</summary>
    Int64 = 9,

    /// <summary>A <see cref="ulong"/>.</summary>
    UInt64 = 10,

    /// <summary>A <see cref="float"/>.</summary>
    Single = 11,

    /// <summary>A <see cref="double"/>.</summary>
    Double = 12,

    /// <summary>A <see cref="decimal"/>.</summary>
    Decimal = 13,

    /// <summary>A <see cref="char"/>.</summary>
    Char = 14,

    /// <summary>A <see cref="System.Guid"/> (16 bytes).</summary>
    Guid = 15,

    /// <summary>A <see cref="System.DateTime"/> (<see cref="System.DateTime.ToBinary"/>, kind included).</summary>
    DateTime = 16,

    /// <summary>A <see cref="System.DateTimeOffset"/> (UTC ticks, then the offset in minutes as an Int16).</summary>
    DateTimeOffset = 17,

    /// <summary>A <see cref="System.TimeSpan"/> (ticks).</summary>
    TimeSpan = 18,

    /// <summary>An enum value: its value as an Int64, then its text.</summary>
    Enum = 19,

    /// <summary>
    /// A value serialized by the actor system's serialization: the serializer id (Int32), the
    /// manifest (string), the length (7-bit encoded) and the bytes, then the value's text.
    /// </summary>
    Serialized = 20,

    /// <summary>Only the value's text: it could not be serialized.</summary>
    Text = 21,

    /// <summary>An exception, as a nested exception record.</summary>
    Exception = 22,
}
