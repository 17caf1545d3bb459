using System.Globalization;
using ActorIpc.Configuration;
using ActorIpc.Hocon;

namespace ActorIpc.TestKit;

/// <summary>
/// The TestKit's settings, read once from <c>actoripc.testkit</c>: how long expectations wait by
/// default and how much every timeout is stretched on slow machines.
/// </summary>
public sealed record TestKitSettings
{
    private const string Root = "actoripc.testkit";

    private TestKitSettings(TimeSpan singleExpectDefault, TimeSpan expectNoMessageDefault, double timeFactor)
    {
        SingleExpectDefault = singleExpectDefault;
        ExpectNoMessageDefault = expectNoMessageDefault;
        TimeFactor = timeFactor;
    }

    /// <summary><c>actoripc.testkit.single-expect-default</c>: how long an expectation waits when the test gives no duration (before dilation).</summary>
    public TimeSpan SingleExpectDefault { get; }

    /// <summary><c>actoripc.testkit.expect-no-message-default</c>: how long <c>ExpectNoMsgAsync</c> waits when the test gives no duration (before dilation).</summary>
    public TimeSpan ExpectNoMessageDefault { get; }

    /// <summary><c>actoripc.testkit.timefactor</c>: every TestKit timeout is multiplied by this positive factor.</summary>
    public double TimeFactor { get; }

    /// <summary>Multiplies <paramref name="duration"/> by <see cref="TimeFactor"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The duration is negative or infinite: every wait must end.</exception>
    internal TimeSpan Dilate(TimeSpan duration, string parameterName = "duration")
    {
        if (duration < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(parameterName, duration, "TestKit waits must end: give a finite, non-negative duration");
        }

        var ticks = duration.Ticks * TimeFactor;
        return ticks >= TimeSpan.MaxValue.Ticks ? TimeSpan.MaxValue : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>
    /// Reads the settings from <paramref name="config"/> laid over the runtime's reference
    /// configuration, so a partial configuration (or a system's merged one) both work.
    /// </summary>
    /// <exception cref="HoconException">A setting is missing, of the wrong type or out of range; the message names its path.</exception>
    public static TestKitSettings From(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var merged = config.WithFallback(ActorSystemSettings.Reference).Resolve();
        var timeFactor = merged.GetDouble(Root + ".timefactor");
        if (!(timeFactor > 0) || double.IsInfinity(timeFactor))
        {
            throw Invalid(merged, Root + ".timefactor", string.Create(CultureInfo.InvariantCulture, $"expected a positive, finite time factor, got {timeFactor}"));
        }

        return new TestKitSettings(
            PositiveDuration(merged, Root + ".single-expect-default"),
            PositiveDuration(merged, Root + ".expect-no-message-default"),
            timeFactor);
    }

    private static TimeSpan PositiveDuration(Config config, string path)
    {
        var value = config.GetTimeSpan(path);
        return value > TimeSpan.Zero
            ? value
            : throw Invalid(config, path, string.Create(CultureInfo.InvariantCulture, $"expected a positive duration, got {value}"));
    }

    private static HoconException Invalid(Config config, string path, string reason)
    {
        // Name where the bad value was written, so the user finds the line to fix.
        var value = config.GetValue(path);
        var where = value is { Line: > 0 }
            ? string.Create(CultureInfo.InvariantCulture, $" ({value.Origin}:{value.Line}:{value.Column})")
            : string.Empty;
        return new HoconException($"{reason} at {path}{where}", reason, value?.Origin, value?.Line ?? 0, value?.Column ?? 0, path);
    }
}
