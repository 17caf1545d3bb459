using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace ActorIpc.Remote.Transport;

/// <summary>
/// <c>send(2)</c> with <c>MSG_DONTWAIT</c> on Linux: as much as the socket's buffer takes now,
/// whether or not the socket is in blocking mode. .NET offers no such send for a blocking socket.
/// </summary>
/// <remarks>
/// The C library's <c>send</c> is looked up in the process's global symbols (the host links the C
/// library), so no library name is guessed: <c>libc.so</c> is a linker script on glibc systems
/// with development files and absent without them. Where the lookup fails, every send reports
/// a full buffer and the caller's blocking path does the work.
/// </remarks>
internal static unsafe class NonBlockingSend
{
    private const int MsgDontWait = 0x40;
    private const int MsgNoSignal = 0x4000;
    private const int Interrupted = 4;

    private static readonly delegate* unmanaged<nint, byte*, nuint, int, nint> Send = Resolve();

    /// <summary>True when the C library's <c>send</c> was found.</summary>
    public static bool IsAvailable => Send != null;

    /// <summary>
    /// Sends what the socket takes without waiting. Returns the bytes sent: fewer than asked
    /// (perhaps none) when the buffer is full, and none on an error, which the caller's next
    /// blocking send reports in .NET's terms.
    /// </summary>
    /// <remarks>Linux only. The handle is held for the call, so a concurrent close cannot hand its descriptor to another socket meanwhile.</remarks>
    public static int TrySend(SafeSocketHandle socket, ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty || Send == null)
        {
            return 0;
        }

        var held = false;
        try
        {
            socket.DangerousAddRef(ref held);
            var descriptor = socket.DangerousGetHandle();
            fixed (byte* start = bytes)
            {
                while (true)
                {
                    var sent = Send(descriptor, start, (nuint)bytes.Length, MsgDontWait | MsgNoSignal);
                    if (sent >= 0)
                    {
                        return (int)sent;
                    }

                    // Only an interrupted call is tried again; a misread error number merely
                    // sends the bytes the blocking way.
                    if (Marshal.GetLastSystemError() != Interrupted)
                    {
                        return 0;
                    }
                }
            }
        }
        catch (ObjectDisposedException)
        {
            return 0;
        }
        finally
        {
            if (held)
            {
                socket.DangerousRelease();
            }
        }
    }

    private static delegate* unmanaged<nint, byte*, nuint, int, nint> Resolve() =>
        OperatingSystem.IsLinux() && NativeLibrary.TryGetExport(NativeLibrary.GetMainProgramHandle(), "send", out var address)
            ? (delegate* unmanaged<nint, byte*, nuint, int, nint>)address
            : null;
}
