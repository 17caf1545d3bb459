using ActorIpc.Hocon;

namespace ActorIpc.Hosting;

/// <summary>
/// How a node that a fleet started ends when its parent closes its standard input
/// (<c>actoripc.node.supervised</c>), read once.
/// </summary>
/// <param name="ShutdownTimeout">How long the node has to leave the cluster and end before its actor system is aborted.</param>
/// <param name="ExitTimeout">Once the node has ended, how long the program has to return by itself before the process exits.</param>
internal sealed record SupervisedSettings(TimeSpan ShutdownTimeout, TimeSpan ExitTimeout)
{
    public const string Section = "actoripc.node.supervised";

    /// <summary>Reads and checks the settings; a bad value is reported with its path and position.</summary>
    /// <exception cref="HoconException">A value is missing, not a duration, or not positive and finite.</exception>
    public static SupervisedSettings Create(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var section = config.GetConfig(Section);
        return new SupervisedSettings(Positive(section, "shutdown-timeout"), Positive(section, "exit-timeout"));
    }

    private static TimeSpan Positive(Config section, string path)
    {
        var value = section.GetTimeSpan(path);
        return value > TimeSpan.Zero && value != Timeout.InfiniteTimeSpan
            ? value
            : throw section.InvalidValue(path, "must be positive and finite: a process whose parent is gone must end");
    }
}
