using System.Buffers;
using System.IO.Pipelines;

namespace ActorIpc.Remote.Transport;

/// <summary>
/// The part every connection shares: two pipes between the application and the stream, one loop
/// that moves received bytes into <see cref="Input"/> and one that sends what is flushed to
/// <see cref="Output"/>, and the close and abort rules. Subclasses do the I/O.
/// </summary>
internal abstract class PipeConnection : ITransportConnection
{
    private const int Open = 0;
    private const int Closing = 1;
    private const int Aborted = 2;

    private readonly Pipe _input;
    private readonly Pipe _output;
    private readonly TimeSpan _closeTimeout;
    private Task _receiving = Task.CompletedTask;
    private Task _sending = Task.CompletedTask;
    private int _state;
    private Exception? _abortReason;
    private int _disposed;

    protected PipeConnection(string remoteDescription, ConnectionSettings settings)
    {
        RemoteDescription = remoteDescription;
        _closeTimeout = settings.CloseTimeout;
        _input = new Pipe(settings.InputPipeOptions());
        _output = new Pipe(settings.OutputPipeOptions());
    }

    /// <inheritdoc/>
    public PipeReader Input => _input.Reader;

    /// <inheritdoc/>
    public PipeWriter Output => _output.Writer;

    /// <inheritdoc/>
    public string RemoteDescription { get; }

    /// <summary>Starts the receive and send loops; called once, by the factory, after construction.</summary>
    public void Start()
    {
        _receiving = ReceiveLoopAsync();
        _sending = SendLoopAsync();
    }

    /// <inheritdoc/>
    public void Abort(Exception? reason = null)
    {
        // The reason is published before the state, so a loop that sees Aborted also sees why.
        var failure = reason as TransportException
            ?? new TransportException(
                reason is null ? $"The connection {RemoteDescription} was aborted." : $"The connection {RemoteDescription} was aborted: {reason.Message}",
                reason);
        Interlocked.CompareExchange(ref _abortReason, failure, null);
        if (Interlocked.Exchange(ref _state, Aborted) == Aborted)
        {
            return;
        }

        CloseTransport(abort: true);

        // Wake loops that wait on the application rather than on the socket.
        _input.Writer.CancelPendingFlush();
        _output.Reader.CancelPendingRead();
    }

    /// <summary>
    /// Closes gracefully: bytes already flushed are sent (for up to the close timeout, then the
    /// connection is aborted), the peer then sees the end of the stream, and this side's
    /// <see cref="Input"/> completes. Idempotent.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (Interlocked.CompareExchange(ref _state, Closing, Open) == Open)
        {
            // A cancelled read still returns the buffered bytes: the send loop sends them, shuts
            // down its side of the stream and ends.
            _output.Reader.CancelPendingRead();
            try
            {
                await _sending.WaitAsync(_closeTimeout).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                Abort(new TransportException(
                    $"The connection {RemoteDescription} was aborted: the peer did not take the last {_closeTimeout.TotalMilliseconds:0} ms of output (close-timeout)."));
            }
        }

        CloseTransport(abort: Volatile.Read(ref _state) == Aborted);
        _input.Writer.CancelPendingFlush();
        await _receiving.ConfigureAwait(false);
        await _sending.ConfigureAwait(false);
        ReleaseResources();
    }

    /// <summary>Reads up to <paramref name="buffer"/>'s length; 0 at the end of the stream.</summary>
    protected abstract ValueTask<int> ReceiveAsync(Memory<byte> buffer);

    /// <summary>Sends every byte of <paramref name="buffer"/>.</summary>
    protected abstract ValueTask SendAsync(ReadOnlySequence<byte> buffer);

    /// <summary>Tells the peer no more bytes follow (TLS close_notify, then FIN).</summary>
    protected abstract ValueTask ShutdownSendAsync();

    /// <summary>Closes the socket, which ends pending I/O; with <paramref name="abort"/>, so that a TCP peer gets a reset. Idempotent and thread-safe.</summary>
    protected abstract void CloseTransport(bool abort);

    /// <summary>Disposes what the loops used, once both have ended.</summary>
    protected virtual void ReleaseResources()
    {
    }

    /// <summary>Describes a failed receive or send in words the logs can use.</summary>
    protected abstract TransportException DescribeFailure(string operation, Exception exception);

    private async Task ReceiveLoopAsync()
    {
        var writer = _input.Writer;
        Exception? error = null;
        try
        {
            while (true)
            {
                var memory = writer.GetMemory(ConnectionSettings.SegmentSize / 4);
                var received = await ReceiveAsync(memory).ConfigureAwait(false);
                if (received == 0)
                {
                    break;
                }

                writer.Advance(received);
                var flush = await writer.FlushAsync().ConfigureAwait(false);
                if (flush.IsCompleted)
                {
                    // The application stopped reading.
                    break;
                }

                if (flush.IsCanceled && Volatile.Read(ref _state) != Open)
                {
                    break;
                }
            }
        }
        catch (Exception e)
        {
            error = Volatile.Read(ref _state) == Open ? DescribeFailure("receive", e) : null;
        }

        // After Abort, reads fail with its reason; after a graceful close they just end.
        if (Volatile.Read(ref _state) == Aborted)
        {
            error = Volatile.Read(ref _abortReason);
        }

        await writer.CompleteAsync(error).ConfigureAwait(false);
    }

    private async Task SendLoopAsync()
    {
        var reader = _output.Reader;
        Exception? error = null;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync().ConfigureAwait(false);
                var buffer = result.Buffer;
                try
                {
                    if (!buffer.IsEmpty && Volatile.Read(ref _state) != Aborted)
                    {
                        await SendAsync(buffer).ConfigureAwait(false);
                    }
                }
                finally
                {
                    reader.AdvanceTo(buffer.End);
                }

                if (result.IsCompleted || (result.IsCanceled && Volatile.Read(ref _state) != Open))
                {
                    break;
                }
            }

            if (Volatile.Read(ref _state) != Aborted)
            {
                await ShutdownSendAsync().ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            if (Volatile.Read(ref _state) == Open)
            {
                // A send that fails leaves the stream in an unknown state: end the whole
                // connection, so that the receive side does not wait on a dead peer.
                Abort(DescribeFailure("send", e));
            }
        }

        if (Volatile.Read(ref _state) == Aborted)
        {
            error = Volatile.Read(ref _abortReason);
        }

        await reader.CompleteAsync(error).ConfigureAwait(false);
    }
}
