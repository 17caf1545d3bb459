using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace ActorIpc.Remote.Transport;

/// <summary>
/// <c>send(2)</c> with <c>MSG_DONTWAIT</c> on Linux: as much as the socket's buffer takes now,
/// whether or not the socket is in blocking mode. .NET offers no such send for a blocking socket.
/// </summary>
internal static partial class NonBlockingSend
{
    private const int MsgDontWait = 0x40;
    private const int MsgNoSignal = 0x4000;
    private const int Interrupted = 4;

    /// <summary>
    /// Sends what the socket takes without waiting. Returns the bytes sent: fewer than asked
    /// (perhaps none) when the buffer is full, and none on an error, which the caller's next
    /// blocking send reports in .NET's terms.
    /// </summary>
    /// <remarks>Linux only. The handle is held for the call, so a concurrent close cannot hand its descriptor to another socket meanwhile.</remarks>
    public static int TrySend(SafeSocketHandle socket, ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return 0;
        }

        while (true)
        {
            nint sent;
            try
            {
                sent = Send(socket, ref MemoryMarshal.GetReference(bytes), (nuint)bytes.Length, MsgDontWait | MsgNoSignal);
            }
            catch (ObjectDisposedException)
            {
                return 0;
            }

            if (sent >= 0)
            {
                return (int)sent;
            }

            var error = Marshal.GetLastPInvokeError();
            if (error != Interrupted)
            {
                return 0;
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "send", SetLastError = true)]
    private static partial nint Send(SafeSocketHandle socket, ref byte buffer, nuint length, int flags);
}
