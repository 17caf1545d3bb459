using System.IO.Pipelines;
using ActorIpc.Hocon;

namespace ActorIpc.Remote.Transport;

/// <summary>
/// Socket and buffering settings shared by the Unix and TCP sections
/// (<c>actoripc.remote.unix</c>, <c>actoripc.remote.tcp</c>).
/// </summary>
/// <param name="ConnectTimeout"><c>connect-timeout</c>: how long a dial may take before it fails.</param>
/// <param name="CloseTimeout"><c>close-timeout</c>: how long disposing a connection waits to hand flushed bytes to the peer before it aborts.</param>
/// <param name="SocketSendBufferSize"><c>socket-send-buffer-size</c>: SO_SNDBUF in bytes; 0 leaves the operating system's default (and, for TCP, its auto-tuning).</param>
/// <param name="SocketReceiveBufferSize"><c>socket-receive-buffer-size</c>: SO_RCVBUF in bytes; 0 leaves the operating system's default.</param>
/// <param name="MaxUnsentBytes"><c>max-unsent-bytes</c>: flushed but unsent bytes at which <c>FlushAsync</c> waits (back-pressure on the writer).</param>
/// <param name="MaxUnreadBytes"><c>max-unread-bytes</c>: the most bytes one read takes from the socket ahead of the application; a waiting read holds a buffer this large.</param>
/// <param name="Backlog"><c>backlog</c>: connections the kernel queues for a listener before they are accepted.</param>
/// <param name="ReadThread"><c>read-thread</c>: on Linux, whether each plain socket connection reads on a thread of its own (see <see cref="SocketConnection"/>) rather than through .NET's asynchronous sockets.</param>
/// <param name="ReadThreadRunsActors"><c>read-thread-runs-actors</c>: with <c>read-thread</c>, whether the read thread runs the turns of the actors its bytes make due, while a second thread reads (see <see cref="ReadThreads"/>).</param>
/// <param name="ReadThreadSpin"><c>read-thread-spin</c>: with <c>read-thread</c>, how long a connection's read thread polls for the peer's next bytes before it sleeps, when they came that soon last time (see <see cref="ReceiveSpin"/>); zero sleeps at once.</param>
internal sealed record ConnectionSettings(
    TimeSpan ConnectTimeout,
    TimeSpan CloseTimeout,
    int SocketSendBufferSize,
    int SocketReceiveBufferSize,
    int MaxUnsentBytes,
    int MaxUnreadBytes,
    int Backlog,
    bool ReadThread = true,
    bool ReadThreadRunsActors = true,
    TimeSpan ReadThreadSpin = default)
{
    /// <summary>The longest <c>read-thread-spin</c>: a longer one only burns a core.</summary>
    internal static readonly TimeSpan MaxReadThreadSpin = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// The pipes' segment size: a send of many small frames becomes one gather write of few
    /// segments, and a read takes up to this much from the socket per system call.
    /// </summary>
    internal const int SegmentSize = 32 * 1024;

    /// <summary>The smallest <c>max-unread-bytes</c>: below it, reads cost more system calls than they save memory.</summary>
    internal const int MinReadSize = 4 * 1024;

    /// <summary>The largest <c>max-unread-bytes</c>.</summary>
    internal const int MaxReadSize = 64 * 1024 * 1024;

    /// <summary>Reads the keys above from the section at <paramref name="path"/>.</summary>
    /// <exception cref="HoconException">A key is missing, of the wrong type or out of range; the message names its path.</exception>
    public static ConnectionSettings FromConfig(Config config, string path)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new ConnectionSettings(
            SettingsChecks.PositiveDuration(config, path + ".connect-timeout"),
            SettingsChecks.PositiveDuration(config, path + ".close-timeout"),
            SettingsChecks.ByteSize(config, path + ".socket-send-buffer-size"),
            SettingsChecks.ByteSize(config, path + ".socket-receive-buffer-size"),
            SettingsChecks.ByteSize(config, path + ".max-unsent-bytes", SegmentSize),
            SettingsChecks.ByteSize(config, path + ".max-unread-bytes", MinReadSize, MaxReadSize),
            SettingsChecks.PositiveInt(config, path + ".backlog"),
            config.GetBoolean(path + ".read-thread"),
            config.GetBoolean(path + ".read-thread-runs-actors"),
            SettingsChecks.Duration(config, path + ".read-thread-spin", TimeSpan.Zero, MaxReadThreadSpin));
    }

    /// <summary>
    /// How the application reads the socket: on demand, into buffers of up to one segment (or
    /// <c>max-unread-bytes</c> if smaller), so at most that much is taken from the socket ahead of
    /// the application; a frame larger than one buffer spans several.
    /// </summary>
    internal StreamPipeReaderOptions InputReaderOptions()
    {
        var bufferSize = MaxUnreadBytes;
        return new StreamPipeReaderOptions(bufferSize: bufferSize, minimumReadSize: Math.Max(1024, bufferSize / 4), leaveOpen: true);
    }

    /// <summary>The pipe from a connection's read thread to the application: the thread waits when <c>max-unread-bytes</c> are unread.</summary>
    internal PipeOptions InputPipeOptions() => PipeOptionsFor(MaxUnreadBytes, segmentSize: MaxUnreadBytes);

    /// <summary>
    /// The least room a read thread's receive gets: a quarter of <c>max-unread-bytes</c> (at least
    /// 1 KiB), so that small messages fill one buffer before another is taken.
    /// </summary>
    internal int MinimumReadSize => Math.Max(1024, MaxUnreadBytes / 4);

    /// <summary>The pipe from the application to the socket.</summary>
    internal PipeOptions OutputPipeOptions() => PipeOptionsFor(MaxUnsentBytes);

    // Inline schedulers: the socket completions already run on the thread pool, and a hop per
    // read or flush would add latency to every round trip. The price, documented on
    // ITransportConnection, is that consumers must not block in their continuations.
    private static PipeOptions PipeOptionsFor(int pauseAt, int segmentSize = SegmentSize) => new(
        pauseWriterThreshold: pauseAt,
        resumeWriterThreshold: pauseAt / 2,
        minimumSegmentSize: segmentSize,
        readerScheduler: PipeScheduler.Inline,
        writerScheduler: PipeScheduler.Inline,
        useSynchronizationContext: false);
}
