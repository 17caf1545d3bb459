using ActorIpc.Hocon;

namespace ActorIpc;

/// <summary>How a replica that exits, or is killed for its memory or its health, is started again (<c>restart</c>).</summary>
/// <param name="MinBackoff">The wait before the first restart within the window.</param>
/// <param name="MaxBackoff">The longest wait: the wait doubles with each restart within the window, up to this.</param>
/// <param name="RandomFactor">How much random time is added to a wait, as a fraction of it (0.2: up to 20 % more).</param>
/// <param name="MaxRestarts">How many restarts within <paramref name="Within"/> are tried before the replica is marked failed.</param>
/// <param name="Within">The sliding window restarts are counted in.</param>
internal sealed record RestartPolicy(TimeSpan MinBackoff, TimeSpan MaxBackoff, double RandomFactor, int MaxRestarts, TimeSpan Within)
{
    public static readonly string[] Keys = ["min-backoff", "max-backoff", "random-factor", "max-restarts", "within"];

    /// <summary>Reads the <c>restart</c> object of a process's section.</summary>
    public static RestartPolicy Read(Config process)
    {
        SettingReader.RequireKnown(process, "restart", Keys);
        var section = process.GetConfig("restart");
        var min = SettingReader.NonNegative(section, "min-backoff", "the first restart's wait must be 0 or more, and finite");
        var max = SettingReader.NonNegative(section, "max-backoff", "the longest wait must be finite");
        if (max < min)
        {
            throw section.InvalidValue("max-backoff", $"the longest wait cannot be shorter than min-backoff ({min.TotalSeconds:0.###} s)");
        }

        var random = section.GetDouble("random-factor");
        if (!(random >= 0 && random <= 10))
        {
            throw section.InvalidValue("random-factor", "must be between 0 (no jitter) and 10");
        }

        var restarts = SettingReader.Int(section, "max-restarts", 0, 1_000_000, "must be 0 (never restart) or more");
        var within = SettingReader.Positive(section, "within", "the window restarts are counted in must be positive and finite");
        return new RestartPolicy(min, max, random, restarts, within);
    }
}
