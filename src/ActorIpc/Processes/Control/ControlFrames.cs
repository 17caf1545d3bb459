using System.Buffers.Binary;
using System.Text.Json;

namespace ActorIpc;

/// <summary>Reads and writes the control protocol's frames (<see cref="ControlProtocol"/>) on a stream.</summary>
internal static class ControlFrames
{
    private const int HeaderBytes = 4;

    /// <summary>Writes <paramref name="frame"/> as one frame.</summary>
    /// <exception cref="FleetControlException">The frame is larger than <see cref="ControlProtocol.MaxFrameBytes"/>.</exception>
    public static async ValueTask WriteAsync<T>(Stream stream, string socketPath, T frame, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(frame, ControlJson.Options);
        if (payload.Length > ControlProtocol.MaxFrameBytes)
        {
            throw new FleetControlException(socketPath, ControlProtocol.Errors.Failed, $"the answer is {payload.Length} bytes, more than a frame's {ControlProtocol.MaxFrameBytes}");
        }

        // One write per frame, so that a frame is never split among other writes.
        var bytes = new byte[HeaderBytes + payload.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, payload.Length);
        payload.CopyTo(bytes.AsSpan(HeaderBytes));
        await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads one frame: <see langword="null"/> when the stream ends before a frame starts.
    /// The version is checked before the rest, so that a frame of another version is told as such
    /// whatever else it holds.
    /// </summary>
    /// <exception cref="FleetControlException">
    /// The frame is of another version (code <c>version</c>), too long, cut short, or not a JSON
    /// object of the protocol (code <c>malformed</c>).
    /// </exception>
    public static async ValueTask<T?> ReadAsync<T>(Stream stream, string socketPath, string peer, CancellationToken cancellationToken)
        where T : class
    {
        var header = new byte[HeaderBytes];
        var read = await stream.ReadAtLeastAsync(header, HeaderBytes, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            return null;
        }

        if (read < HeaderBytes)
        {
            throw Malformed(socketPath, $"the connection ended inside the length of a frame from {peer}");
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(header);
        if (length > ControlProtocol.MaxFrameBytes)
        {
            throw Malformed(socketPath, $"{peer} sent a frame of {length} bytes, more than the {ControlProtocol.MaxFrameBytes} allowed: is it an actoripc control {(typeof(T) == typeof(ControlRequest) ? "client" : "socket")}?");
        }

        var payload = new byte[length];
        if (await stream.ReadAtLeastAsync(payload, payload.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false) < payload.Length)
        {
            throw Malformed(socketPath, $"the connection ended inside a frame of {length} bytes from {peer}");
        }

        return Parse<T>(payload, socketPath, peer);
    }

    private static T Parse<T>(byte[] payload, string socketPath, string peer)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload);
        }
        catch (JsonException e)
        {
            throw Malformed(socketPath, $"{peer} sent a frame that is not JSON: {e.Message}", e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Malformed(socketPath, $"{peer} sent a frame that is not a JSON object");
            }

            if (!document.RootElement.TryGetProperty("v", out var version) || !version.TryGetInt32(out var v))
            {
                throw Malformed(socketPath, $"{peer} sent a frame without the protocol version (\"v\")");
            }

            if (v != ControlProtocol.Version)
            {
                throw new FleetControlException(
                    socketPath,
                    ControlProtocol.Errors.Version,
                    $"{peer} speaks version {v} of the fleet control protocol, this end version {ControlProtocol.Version}: use an actoripc of the same version as the fleet's ActorIpc");
            }

            try
            {
                return document.RootElement.Deserialize<T>(ControlJson.Options) ?? throw Malformed(socketPath, $"{peer} sent a null frame");
            }
            catch (JsonException e)
            {
                throw Malformed(socketPath, $"{peer} sent a frame the protocol does not read: {e.Message}", e);
            }
        }
    }

    private static FleetControlException Malformed(string socketPath, string message, Exception? inner = null) =>
        new(socketPath, ControlProtocol.Errors.Malformed, message, inner);
}
