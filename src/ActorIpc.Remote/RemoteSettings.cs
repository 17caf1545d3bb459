using System.Text;
using ActorIpc.Hocon;

namespace ActorIpc.Remote;

/// <summary>The settings of <c>actoripc.remote</c>, read once from the actor system's configuration.</summary>
public sealed record RemoteSettings
{
    private const string Root = "actoripc.remote";

    private RemoteSettings(Config config)
    {
        var remote = config.GetConfig(Root);
        Config = remote;
        Transports = remote.GetStringList("transports");
        foreach (var transport in Transports)
        {
            if (transport is not ("unix" or "tcp" or "tls"))
            {
                throw config.InvalidValue(Root + ".transports", $"unknown transport \"{transport}\" (expected unix, tcp or tls)");
            }
        }

        Secret = ReadSecret(config);
        MaxFrameSize = (int)Math.Clamp(remote.GetByteSize("max-frame-size"), 0, int.MaxValue);
        if (MaxFrameSize < 1024)
        {
            throw config.InvalidValue(Root + ".max-frame-size", $"expected at least 1 KiB, got {MaxFrameSize} bytes");
        }

        HandshakeTimeout = Positive(config, "handshake-timeout");
        BackoffMin = Positive(config, "reconnect-backoff.min");
        BackoffMax = Positive(config, "reconnect-backoff.max");
        if (BackoffMax < BackoffMin)
        {
            throw config.InvalidValue(Root + ".reconnect-backoff.max", $"must not be shorter than reconnect-backoff.min ({BackoffMin})");
        }

        SendQueueSize = PositiveInt(config, "send-queue-size");
        WriteBatchSize = (int)Math.Clamp(remote.GetByteSize("write-batch-size"), 1, int.MaxValue);
        FlushSendsEvery = remote.GetInt("flush-sends-every");
        if (FlushSendsEvery < 0)
        {
            throw config.InvalidValue(Root + ".flush-sends-every", $"expected 0 (only when the run ends) or a positive number, got {FlushSendsEvery}");
        }

        HeartbeatInterval = Positive(config, "heartbeat-interval");
        FailureThreshold = remote.GetDouble("failure-detector.threshold");
        if (FailureThreshold <= 0)
        {
            throw config.InvalidValue(Root + ".failure-detector.threshold", $"expected a positive number, got {FailureThreshold}");
        }

        FailureMaxSampleSize = PositiveInt(config, "failure-detector.max-sample-size");
        FailureMinStdDeviation = Positive(config, "failure-detector.min-std-deviation");
        AcceptableHeartbeatPause = Positive(config, "failure-detector.acceptable-heartbeat-pause");
    }

    /// <summary>The <c>actoripc.remote</c> section (transport-specific settings are read from it).</summary>
    public Config Config { get; }

    /// <summary>The transports this node listens on.</summary>
    public IReadOnlyList<string> Transports { get; }

    /// <summary>The shared secret's bytes (UTF-8); empty when none is configured.</summary>
    public ReadOnlyMemory<byte> Secret { get; }

    /// <summary>The largest frame sent or accepted, in bytes.</summary>
    public int MaxFrameSize { get; }

    /// <summary>How long the handshake may take.</summary>
    public TimeSpan HandshakeTimeout { get; }

    /// <summary>The first wait after a failed connection attempt.</summary>
    public TimeSpan BackoffMin { get; }

    /// <summary>The longest wait between connection attempts.</summary>
    public TimeSpan BackoffMax { get; }

    /// <summary>Messages queued per peer before new ones go to dead letters.</summary>
    public int SendQueueSize { get; }

    /// <summary>About how many bytes the writer packs into one write.</summary>
    public int WriteBatchSize { get; }

    /// <summary>
    /// Held-back sends to one peer after which a run (an actor's, or a read thread's turns)
    /// wakes the writer before it ends (then at twice as many, and so on), so the peer starts on
    /// them; 0 wakes it only at the end.
    /// </summary>
    public int FlushSendsEvery { get; }

    /// <summary>How often each connection sends a heartbeat.</summary>
    public TimeSpan HeartbeatInterval { get; }

    /// <summary>The phi above which a silent peer counts as lost.</summary>
    public double FailureThreshold { get; }

    /// <summary>How many heartbeat intervals the failure detector keeps.</summary>
    public int FailureMaxSampleSize { get; }

    /// <summary>The least spread of heartbeat intervals the failure detector assumes.</summary>
    public TimeSpan FailureMinStdDeviation { get; }

    /// <summary>Extra silence tolerated on top of the mean heartbeat interval.</summary>
    public TimeSpan AcceptableHeartbeatPause { get; }

    /// <summary>Reads the settings from an actor system's merged configuration.</summary>
    /// <exception cref="HoconException">A setting is missing, of the wrong type or out of range; the message names its path.</exception>
    public static RemoteSettings From(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new RemoteSettings(config);
    }

    private static TimeSpan Positive(Config config, string path) => SettingsChecks.PositiveDuration(config, $"{Root}.{path}");

    private static int PositiveInt(Config config, string path) => SettingsChecks.PositiveInt(config, $"{Root}.{path}");

    private static ReadOnlyMemory<byte> ReadSecret(Config config)
    {
        var secret = config.GetString(Root + ".secret", string.Empty);
        var file = config.GetString(Root + ".secret-file", string.Empty);
        if (secret.Length > 0 && file.Length > 0)
        {
            throw config.InvalidValue(Root + ".secret-file", "set either secret or secret-file, not both");
        }

        if (file.Length == 0)
        {
            return Encoding.UTF8.GetBytes(secret);
        }

        try
        {
            var line = File.ReadLines(file).FirstOrDefault()?.Trim() ?? string.Empty;
            return line.Length > 0
                ? Encoding.UTF8.GetBytes(line)
                : throw config.InvalidValue(Root + ".secret-file", $"the secret file {file} is empty");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw config.InvalidValue(Root + ".secret-file", $"cannot read the secret file {file}: {e.Message}");
        }
    }
}
