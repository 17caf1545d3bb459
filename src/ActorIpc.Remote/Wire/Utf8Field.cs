using System.Text;

namespace ActorIpc.Remote.Wire;

/// <summary>
/// A string field of a frame as its UTF-8 bytes, not yet decoded nor checked for UTF-8 validity:
/// a slice of the read buffer (or of the scratch copy of a field split across buffer segments),
/// valid as long as that is. <see cref="Decode"/> turns it into text, as strictly as
/// <see cref="FrameBodyReader.ReadString"/> would have.
/// </summary>
internal readonly ref struct Utf8Field
{
    private readonly FrameType _frameType;
    private readonly string _name;

    /// <summary>The field <paramref name="name"/> of a <paramref name="frameType"/> frame, whose length prefix is at <paramref name="offset"/>.</summary>
    public Utf8Field(FrameType frameType, string name, long offset, ReadOnlySpan<byte> bytes)
    {
        _frameType = frameType;
        _name = name;
        Offset = offset;
        Bytes = bytes;
    }

    /// <summary>The field's bytes, without the length prefix.</summary>
    public ReadOnlySpan<byte> Bytes { get; }

    /// <summary>The offset of the field's length prefix from the first byte of the frame's length prefix.</summary>
    public long Offset { get; }

    /// <summary>Part of the field: <paramref name="length"/> bytes from <paramref name="start"/>; errors still name the whole field.</summary>
    public Utf8Field Slice(int start, int length) => new(_frameType, _name, Offset, Bytes.Slice(start, length));

    /// <summary>Whether the field holds no bytes.</summary>
    public bool IsEmpty => Bytes.IsEmpty;

    /// <summary>Checks that the field is strictly valid UTF-8, without decoding it.</summary>
    /// <exception cref="ProtocolException">It is not; the message is the one <see cref="Decode"/> gives.</exception>
    public void EnsureValid()
    {
        if (!Bytes.IsEmpty && !System.Text.Unicode.Utf8.IsValid(Bytes))
        {
            // Decoding reports where and why, in the wording every other field uses.
            Decode();
        }
    }

    /// <summary>Decodes the field as strictly valid UTF-8.</summary>
    /// <exception cref="ProtocolException">The bytes are not valid UTF-8; the message names the frame type, the field and its offset.</exception>
    public string Decode()
    {
        try
        {
            return WireText.StrictUtf8.GetString(Bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw FrameBodyReader.NotUtf8(_frameType, _name, Offset, e);
        }
    }
}
