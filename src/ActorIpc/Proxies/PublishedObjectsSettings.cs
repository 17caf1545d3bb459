using ActorIpc.Hocon;

namespace ActorIpc;

/// <summary>The settings of published objects (<c>actoripc.published-objects</c>), read once.</summary>
/// <param name="DrainTimeout">How long unpublishing lets the calls in flight finish before the object's host stops.</param>
internal sealed record PublishedObjectsSettings(TimeSpan DrainTimeout)
{
    public const string Section = "actoripc.published-objects";

    /// <summary>Reads and checks the settings; a bad value is reported with its path and position.</summary>
    /// <exception cref="HoconException">A value is missing, of the wrong type or out of range.</exception>
    public static PublishedObjectsSettings Create(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var section = config.GetConfig(Section);
        var drain = section.GetTimeSpan("drain-timeout");
        if (drain < TimeSpan.Zero || drain == Timeout.InfiniteTimeSpan)
        {
            throw section.InvalidValue("drain-timeout", "unpublishing waits a finite time, 0 or more, for the calls in flight");
        }

        return new PublishedObjectsSettings(drain);
    }
}
