using System.Globalization;

namespace ActorIpc.Remote.Wire;

/// <summary>
/// The constants of the ActorIpc wire protocol, version 1. docs/wire-protocol.md is the
/// byte-exact contract; a change to any value here is a protocol change.
/// </summary>
internal static class WireProtocol
{
    /// <summary>The protocol version this node speaks.</summary>
    public const ushort Version = 1;

    /// <summary>The first four bytes of every Hello body: ASCII "AIPC".</summary>
    public const uint HelloMagic = 0x43504941;

    /// <summary>Bytes of the length prefix in front of every frame.</summary>
    public const int LengthPrefixSize = 4;

    /// <summary>Bytes from the start of a frame to the start of its body: the length prefix and the type byte.</summary>
    public const int HeaderSize = LengthPrefixSize + 1;

    /// <summary>
    /// The largest handshake frame either side accepts, whatever the configured maximum
    /// frame size: a peer that has not proved it knows the secret must not make us buffer much.
    /// </summary>
    public const int MaxHandshakeFrameSize = 4 * 1024;

    /// <summary>The longest system name, in UTF-8 bytes.</summary>
    public const int MaxSystemNameBytes = 64;

    /// <summary>The longest address text, in UTF-8 bytes.</summary>
    public const int MaxAddressBytes = 1024;

    /// <summary>The longest Reject or Close reason, in UTF-8 bytes; longer reasons are cut on a character boundary.</summary>
    public const int MaxReasonBytes = 1024;

    /// <summary>Bytes of a handshake nonce.</summary>
    public const int NonceSize = 32;

    /// <summary>Bytes of a handshake proof (an HMAC-SHA256).</summary>
    public const int ProofSize = 32;

    /// <summary>Renders a byte count for error messages: "4 MiB", "17 KiB", "5000 bytes (4.9 KiB)".</summary>
    public static string FormatSize(long bytes)
    {
        const long KiB = 1024;
        const long MiB = KiB * 1024;
        if (bytes >= MiB && bytes % MiB == 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{bytes / MiB} MiB");
        }

        if (bytes >= KiB && bytes % KiB == 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{bytes / KiB} KiB");
        }

        if (bytes >= MiB)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes ({bytes / (double)MiB:0.#} MiB)");
        }

        return bytes >= KiB
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes ({bytes / (double)KiB:0.#} KiB)")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes");
    }
}
