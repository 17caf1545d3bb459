using System.Globalization;
using ActorIpc.Hocon;

namespace ActorIpc.Remote;

/// <summary>Reads and checks remoting settings, with errors that name the path and where its value was written.</summary>
internal static class SettingsChecks
{
    public static TimeSpan PositiveDuration(Config config, string path)
    {
        var value = config.GetTimeSpan(path);
        return value > TimeSpan.Zero ? value : throw Invalid(config, path, $"expected a positive duration, got {value}");
    }

    /// <summary>A duration from <paramref name="minimum"/> to <paramref name="maximum"/>.</summary>
    public static TimeSpan Duration(Config config, string path, TimeSpan minimum, TimeSpan maximum)
    {
        var value = config.GetTimeSpan(path);
        return value >= minimum && value <= maximum
            ? value
            : throw Invalid(config, path, $"expected a duration from {Describe(minimum)} to {Describe(maximum)}, got {Describe(value)}");
    }

    // In the largest HOCON unit that states the value whole.
    private static string Describe(TimeSpan duration) => duration.Ticks switch
    {
        0 => "0",
        var t when t % TimeSpan.TicksPerSecond == 0 => string.Create(CultureInfo.InvariantCulture, $"{t / TimeSpan.TicksPerSecond}s"),
        var t when t % TimeSpan.TicksPerMillisecond == 0 => string.Create(CultureInfo.InvariantCulture, $"{t / TimeSpan.TicksPerMillisecond}ms"),
        var t when t % TimeSpan.TicksPerMicrosecond == 0 => string.Create(CultureInfo.InvariantCulture, $"{t / TimeSpan.TicksPerMicrosecond}us"),
        var t => string.Create(CultureInfo.InvariantCulture, $"{t * TimeSpan.NanosecondsPerTick}ns"),
    };

    /// <summary>A byte size from 0 up to <see cref="int.MaxValue"/>; <paramref name="minimum"/> other than 0 excludes 0.</summary>
    public static int ByteSize(Config config, string path, int minimum = 0, int maximum = int.MaxValue)
    {
        var value = config.GetByteSize(path);
        return value >= minimum && value <= maximum
            ? (int)value
            : throw Invalid(config, path, string.Create(CultureInfo.InvariantCulture, $"expected a size from {Describe(minimum)} to {Describe(maximum)}, got {value}"));
    }

    private static string Describe(int bytes) => bytes switch
    {
        int.MaxValue => "2 GiB",
        >= 1 << 20 when bytes % (1 << 20) == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes >> 20} MiB"),
        >= 1 << 10 when bytes % (1 << 10) == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes >> 10} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };

    public static int PositiveInt(Config config, string path)
    {
        var value = config.GetInt(path);
        return value > 0 ? value : throw Invalid(config, path, string.Create(CultureInfo.InvariantCulture, $"expected a positive number, got {value}"));
    }

    /// <summary>A string where empty means "not set".</summary>
    public static string? OptionalString(Config config, string path)
    {
        var value = config.GetString(path);
        return value.Length == 0 ? null : value;
    }

    public static HoconException Invalid(Config config, string path, string reason) => config.InvalidValue(path, reason);
}
