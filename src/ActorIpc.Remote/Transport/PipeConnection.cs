using System.Buffers;
using System.IO.Pipelines;

namespace ActorIpc.Remote.Transport;

/// <summary>
/// The part every connection shares. <see cref="Input"/> is fed one of two ways: a read thread
/// of the connection's own blocks in the subclass's receive and runs the application's reader
/// when it hands the bytes over; or, for a truly asynchronous receive, <see cref="Input"/> reads
/// the stream when the application asks for bytes, and the application's code runs on the
/// thread the receive completed on. Either way there is no copy loop and no extra hand-off. A
/// pipe and one loop send what is flushed to <see cref="Output"/>; and the close and abort
/// rules. Subclasses do the I/O.
/// </summary>
internal abstract class PipeConnection : ITransportConnection
{
    private const int Open = 0;
    private const int Closing = 1;
    private const int Aborted = 2;

    private readonly PipeReader _input;
    private readonly Pipe? _inputPipe;
    private readonly int _minimumRead; // the least room a receive gets; it takes all the buffer has
    private readonly ReadThreads? _readThreads;
    private readonly Pipe _output;
    private readonly TimeSpan _closeTimeout;
    private Task _sending = Task.CompletedTask;
    private int _state;
    private Exception? _abortReason;
    private int _disposed;

    /// <param name="remoteDescription">The peer, for messages and logs.</param>
    /// <param name="settings">Buffer sizes and timeouts.</param>
    /// <param name="readsOnOwnThread">
    /// True when <see cref="ReceiveAsync"/> blocks until bytes arrive: a thread of the connection's
    /// own then reads, and the application's code runs on it when the bytes are handed over.
    /// False when it is truly asynchronous: <see cref="Input"/> reads on the caller's demand.
    /// </param>
    protected PipeConnection(string remoteDescription, ConnectionSettings settings, bool readsOnOwnThread = false)
    {
        RemoteDescription = remoteDescription;
        _closeTimeout = settings.CloseTimeout;
        if (readsOnOwnThread)
        {
            _minimumRead = settings.MinimumReadSize;
            _inputPipe = new Pipe(settings.InputPipeOptions());
            _input = _inputPipe.Reader;
            _readThreads = new ReadThreads(ReadIntoInput, _inputPipe.Writer.Complete, settings.ReadThreadRunsActors);
        }
        else
        {
            _input = PipeReader.Create(new ReceiveStream(this), settings.InputReaderOptions());
        }

        _output = new Pipe(settings.OutputPipeOptions());
    }

    /// <inheritdoc/>
    public PipeReader Input => _input;

    /// <inheritdoc/>
    public PipeWriter Output => _output.Writer;

    /// <inheritdoc/>
    public string RemoteDescription { get; }

    /// <summary>Starts the send loop, and the read thread if there is one; called once, by the factory, after construction.</summary>
    public void Start()
    {
        _sending = SendLoopAsync();
        _readThreads?.Start();
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

        // Closing the socket ends a pending receive, which then fails with the reason.
        CloseTransport(abort: true);

        // Wake the send loop if it waits on the application rather than on the socket.
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
        await _sending.ConfigureAwait(false);
        ReleaseResources();
    }

    /// <summary>Reads up to <paramref name="buffer"/>'s length; 0 at the end of the stream.</summary>
    protected abstract ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken);

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

    /// <summary>
    /// One receive for <see cref="Input"/>: after <see cref="Abort"/> it fails with the abort's
    /// reason, after a graceful close it ends quietly, and other failures are described.
    /// </summary>
    private async ValueTask<int> ReceiveForInputAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _state) == Aborted)
        {
            throw Volatile.Read(ref _abortReason)!;
        }

        int received;
        try
        {
            received = await ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            return Volatile.Read(ref _state) switch
            {
                Aborted => throw Volatile.Read(ref _abortReason)!,
                Open => throw DescribeFailure("receive", e),
                _ => 0,
            };
        }

        return received == 0 && Volatile.Read(ref _state) == Aborted ? throw Volatile.Read(ref _abortReason)! : received;
    }

    /// <summary>
    /// One receive of the read threads (<see cref="ReadThreads"/>): blocks in the transport's
    /// receive, then hands the bytes to <see cref="Input"/>, whose reader (the application) runs on
    /// this thread until it waits for more. A reader that falls behind by <c>max-unread-bytes</c>
    /// stops the thread until it catches up. Returns the bytes received; 0 at the end of the
    /// stream or when the application completes <see cref="Input"/>. A failure throws (and
    /// <see cref="Input"/> then reports it).
    /// </summary>
    private int ReadIntoInput()
    {
        var writer = _inputPipe!.Writer;
        var receive = ReceiveForInputAsync(writer.GetMemory(_minimumRead), CancellationToken.None);
        var received = receive.IsCompletedSuccessfully ? receive.Result : receive.AsTask().GetAwaiter().GetResult();
        if (received == 0)
        {
            return 0;
        }

        writer.Advance(received);
        var flush = writer.FlushAsync();
        var result = flush.IsCompletedSuccessfully ? flush.Result : flush.AsTask().GetAwaiter().GetResult();
        return result.IsCompleted ? 0 : received;
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

    /// <summary>The stream <see cref="Input"/> reads: each read is one receive from the transport.</summary>
    private sealed class ReceiveStream(PipeConnection connection) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            connection.ReceiveForInputAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("reads are asynchronous");

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
