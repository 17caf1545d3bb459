using ActorIpc.Hocon;

namespace ActorIpc;

/// <summary>The messenger's settings (<c>actoripc.broadcast</c>), read once when a node's messenger starts.</summary>
/// <param name="AskTimeout">
/// How long subscribing waits for this node's messenger, and counting subscribers or choosing one
/// waits for the other nodes' answers.
/// </param>
internal sealed record MessengerSettings(TimeSpan AskTimeout)
{
    /// <summary>The configuration section.</summary>
    public const string Section = "actoripc.broadcast";

    private const string AskTimeoutPath = $"{Section}.ask-timeout";

    /// <summary>Reads and checks the settings; a bad value is reported with its path and position.</summary>
    /// <param name="config">The node's resolved configuration.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="HoconException">A value is missing, not a duration, or not positive.</exception>
    public static MessengerSettings Create(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var askTimeout = config.GetTimeSpan(AskTimeoutPath);
        if (askTimeout <= TimeSpan.Zero || askTimeout == Timeout.InfiniteTimeSpan)
        {
            throw config.InvalidValue(AskTimeoutPath, "the messenger's ask timeout must be positive and finite: every call ends");
        }

        return new MessengerSettings(askTimeout);
    }
}
