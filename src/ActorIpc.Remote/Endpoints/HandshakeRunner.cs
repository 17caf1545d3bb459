using System.Buffers;
using ActorIpc.Remote.Transport;
using ActorIpc.Remote.Wire;

namespace ActorIpc.Remote.Endpoints;

/// <summary>Drives a client or server handshake state machine over a connection's pipes.</summary>
internal static class HandshakeRunner
{
    /// <summary>One step of a handshake machine: consume frames from input, write answers.</summary>
    public delegate HandshakeStatus Step(ref ReadOnlySequence<byte> input, IBufferWriter<byte> output);

    /// <summary>
    /// Runs the handshake until it succeeds (bytes after it stay in the connection's input) or
    /// fails; a failure's Reject frame, if any, is sent before the exception is thrown.
    /// </summary>
    /// <exception cref="HandshakeFailedException">The handshake failed; the message says why.</exception>
    public static async Task RunAsync(ITransportConnection connection, ArrayBufferWriter<byte> firstOutput, Step step, Func<string?> failureReason, CancellationToken cancellationToken)
    {
        var output = firstOutput;
        if (output.WrittenCount > 0)
        {
            await connection.Output.WriteAsync(output.WrittenMemory, cancellationToken).ConfigureAwait(false);
            output.ResetWrittenCount();
        }

        while (true)
        {
            var read = await connection.Input.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = read.Buffer;
            var status = step(ref buffer, output);
            connection.Input.AdvanceTo(buffer.Start, read.Buffer.End);
            if (output.WrittenCount > 0)
            {
                await connection.Output.WriteAsync(output.WrittenMemory, cancellationToken).ConfigureAwait(false);
                output.ResetWrittenCount();
            }

            switch (status)
            {
                case HandshakeStatus.Succeeded:
                    return;
                case HandshakeStatus.Failed:
                    throw new HandshakeFailedException(failureReason() ?? "the handshake failed");
            }

            if (read.IsCompleted)
            {
                throw new HandshakeFailedException($"{connection.RemoteDescription} closed the connection during the handshake");
            }
        }
    }
}
