using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace ActorIpc.Remote.Transport;

/// <summary>
/// <c>send(2)</c> and <c>recv(2)</c> with <c>MSG_DONTWAIT</c> on Linux: what the socket's buffers
/// take or hold now, whether or not the socket is in blocking mode. .NET offers neither for a
/// blocking socket.
/// </summary>
/// <remarks>
/// The C library's functions are looked up in the process's global symbols (the host links the C
/// library), so no library name is guessed: <c>libc.so</c> is a linker script on glibc systems
/// with development files and absent without them. Where the lookup fails, every send reports
/// a full buffer and every receive an empty one, and the caller's blocking path does the work.
/// </remarks>
internal static unsafe class NonBlockingSocket
{
    /// <summary>What <see cref="TryReceive"/> returns when no byte is there now (or on an error).</summary>
    public const int NothingYet = -1;

    private const int MsgDontWait = 0x40;
    private const int MsgNoSignal = 0x4000;
    private const int Interrupted = 4;

    private static readonly delegate* unmanaged<nint, byte*, nuint, int, nint> Send = Resolve("send");
    private static readonly delegate* unmanaged<nint, byte*, nuint, int, nint> Recv = Resolve("recv");

    /// <summary>True when the C library's <c>send</c> and <c>recv</c> were found.</summary>
    public static bool IsAvailable => Send != null && Recv != null;

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

        fixed (byte* start = bytes)
        {
            return Math.Max(0, Call(socket, Send, start, bytes.Length, MsgDontWait | MsgNoSignal));
        }
    }

    /// <summary>
    /// Receives what the socket holds without waiting. Returns the bytes received; 0 when the
    /// peer has shut its side down; <see cref="NothingYet"/> when no byte is there now, and also on
    /// an error, which the caller's next blocking receive reports in .NET's terms.
    /// </summary>
    /// <remarks>Linux only, like <see cref="TrySend"/>. An empty <paramref name="bytes"/> gets <see cref="NothingYet"/>.</remarks>
    public static int TryReceive(SafeSocketHandle socket, Span<byte> bytes)
    {
        if (bytes.IsEmpty || Recv == null)
        {
            return NothingYet;
        }

        fixed (byte* start = bytes)
        {
            return Call(socket, Recv, start, bytes.Length, MsgDontWait);
        }
    }

    /// <summary>
    /// Polls with <see cref="TryReceive"/> until bytes (or the end of the stream) arrive or the
    /// <see cref="Stopwatch"/> timestamp <paramref name="deadline"/> passes,
    /// polling at least once. Between polls the core goes to any other thread that is ready to
    /// run on it: on a machine with few cores the thread the bytes wait for may be one of them.
    /// </summary>
    public static int ReceiveUntil(SafeSocketHandle socket, Span<byte> bytes, long deadline)
    {
        while (true)
        {
            var received = TryReceive(socket, bytes);
            if (received != NothingYet || Stopwatch.GetTimestamp() >= deadline)
            {
                return received;
            }

            Thread.Yield();
        }
    }

    // One call with the handle held; an interrupted call is made again, any other error is -1
    // (a misread error number merely leaves the work to the blocking path).
    private static int Call(SafeSocketHandle socket, delegate* unmanaged<nint, byte*, nuint, int, nint> function, byte* start, int length, int flags)
    {
        var held = false;
        try
        {
            socket.DangerousAddRef(ref held);
            var descriptor = socket.DangerousGetHandle();
            while (true)
            {
                var done = function(descriptor, start, (nuint)length, flags);
                if (done >= 0 || Marshal.GetLastSystemError() != Interrupted)
                {
                    return (int)Math.Max(done, -1);
                }
            }
        }
        catch (ObjectDisposedException)
        {
            return -1;
        }
        finally
        {
            if (held)
            {
                socket.DangerousRelease();
            }
        }
    }

    private static delegate* unmanaged<nint, byte*, nuint, int, nint> Resolve(string name) =>
        OperatingSystem.IsLinux() && NativeLibrary.TryGetExport(NativeLibrary.GetMainProgramHandle(), name, out var address)
            ? (delegate* unmanaged<nint, byte*, nuint, int, nint>)address
            : null;
}
