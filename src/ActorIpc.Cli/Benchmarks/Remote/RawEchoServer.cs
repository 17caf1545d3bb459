using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace ActorIpc.Cli.Benchmarks.Remote;

/// <summary>
/// The node side of <c>bench raw-socket</c>: a server without ActorIpc that echoes
/// <see cref="RawFrames"/> or counts them. Each connection gets a thread doing blocking
/// receives and sends, the cheapest way to serve one busy socket: no thread-pool hops, so
/// its figures are this machine's limit for the shape, not a design to copy.
/// </summary>
internal sealed class RawEchoServer : IDisposable
{
    // Big enough for a full window of pipelined frames, so one receive can take all of them.
    private const int BufferSize = 256 * 1024;

    private readonly Socket _listener;
    private readonly string? _socketFile;

    private RawEchoServer(Socket listener, RawEndpoint endpoint, string? socketFile)
    {
        _listener = listener;
        _socketFile = socketFile;
        Endpoint = endpoint;
    }

    public RawEndpoint Endpoint { get; }

    public static RawEchoServer Start(BenchTransport transport)
    {
        var listener = RawEndpoint.CreateSocket(transport);
        try
        {
            RawEndpoint endpoint;
            string? socketFile = null;
            if (transport == BenchTransport.Unix)
            {
                socketFile = Path.Combine(Path.GetTempPath(), $"actoripc-raw-{Environment.ProcessId}.sock");
                File.Delete(socketFile);
                listener.Bind(new UnixDomainSocketEndPoint(socketFile));
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(socketFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
                endpoint = new RawEndpoint(transport, socketFile, 0);
            }
            else
            {
                listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                endpoint = new RawEndpoint(transport, string.Empty, ((IPEndPoint)listener.LocalEndPoint!).Port);
            }

            listener.Listen(16);
            var server = new RawEchoServer(listener, endpoint, socketFile);
            new Thread(server.AcceptLoop) { IsBackground = true, Name = "raw-accept" }.Start();
            return server;
        }
        catch
        {
            listener.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _listener.Dispose();
        if (_socketFile is not null)
        {
            File.Delete(_socketFile);
        }
    }

    private void AcceptLoop()
    {
        while (true)
        {
            Socket connection;
            try
            {
                connection = _listener.Accept();
            }
            catch (SocketException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            if (connection.AddressFamily != AddressFamily.Unix)
            {
                connection.NoDelay = true;
            }

            new Thread(() => Serve(connection)) { IsBackground = true, Name = "raw-connection" }.Start();
        }
    }

    private static void Serve(Socket connection)
    {
        using (connection)
        {
            try
            {
                Span<byte> mode = stackalloc byte[1];
                if (connection.Receive(mode) == 0)
                {
                    return;
                }

                if (mode[0] == RawFrames.SinkMode)
                {
                    Count(connection);
                }
                else
                {
                    Echo(connection);
                }
            }
            catch (SocketException)
            {
                // The bench process went away or reset the connection: nothing to serve.
            }
            catch (InvalidDataException)
            {
                // Garbage on a benchmark socket: drop the connection.
            }
        }
    }

    private static void Echo(Socket connection)
    {
        var buffer = new byte[BufferSize];
        var filled = 0;
        while (true)
        {
            var read = connection.Receive(buffer.AsSpan(filled));
            if (read == 0)
            {
                return;
            }

            filled += read;

            // Decode every frame in the buffer, then answer them all with one send: the batching
            // a good transport does, so the pipelined figure is the socket's, not a syscall per frame.
            var complete = RawFrames.Scan(buffer.AsSpan(0, filled), out _);
            RawSocketIo.SendAll(connection, buffer.AsSpan(0, complete));
            buffer.AsSpan(complete, filled - complete).CopyTo(buffer);
            filled -= complete;
        }
    }

    private static void Count(Socket connection)
    {
        var buffer = new byte[BufferSize];
        var filled = 0;
        long frames = 0;
        while (true)
        {
            var read = connection.Receive(buffer.AsSpan(filled));
            if (read == 0)
            {
                break;
            }

            filled += read;
            var complete = RawFrames.Scan(buffer.AsSpan(0, filled), out var count);
            frames += count;
            buffer.AsSpan(complete, filled - complete).CopyTo(buffer);
            filled -= complete;
        }

        // The client shut its sending side down: everything it sent has been read.
        Span<byte> answer = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64LittleEndian(answer, frames);
        RawSocketIo.SendAll(connection, answer);
    }
}
