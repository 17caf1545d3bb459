using ActorIpc.Hocon;

namespace ActorIpc;

/// <summary>
/// How a ready replica is probed (<c>health</c>): its receptionist is asked to identify itself every
/// <paramref name="Interval"/>; after <paramref name="Failures"/> probes in a row without an answer
/// within <paramref name="Timeout"/>, the replica is killed and restarted.
/// </summary>
/// <param name="Interval">How often; <see langword="null"/>: never (<c>interval = off</c>).</param>
/// <param name="Timeout">How long a probe waits for its answer.</param>
/// <param name="Failures">How many unanswered probes in a row make a replica hung.</param>
internal sealed record HealthSettings(TimeSpan? Interval, TimeSpan Timeout, int Failures)
{
    public static readonly string[] Keys = ["interval", "timeout", "failures"];

    /// <summary>Reads the <c>health</c> object of a process's section.</summary>
    public static HealthSettings Read(Config process)
    {
        SettingReader.RequireKnown(process, "health", Keys);
        var section = process.GetConfig("health");
        TimeSpan? interval = SettingReader.IsOff(section, "interval")
            ? null
            : SettingReader.Positive(section, "interval", "must be positive and finite, or off");
        var timeout = SettingReader.Positive(section, "timeout", "a probe's wait must be positive and finite");
        var failures = SettingReader.Int(section, "failures", 1, 1000, "at least one unanswered probe makes a replica hung");
        return new HealthSettings(interval, timeout, failures);
    }
}
