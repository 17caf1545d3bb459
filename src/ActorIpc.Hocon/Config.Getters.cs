using ActorIpc.Hocon.Conversion;

namespace ActorIpc.Hocon;

/// <summary>Typed scalar getters. Without a default a missing path throws; with one, missing or null gives the default; a wrong type always throws.</summary>
public sealed partial class Config
{
    /// <summary>Gets a string; numbers and booleans are converted.</summary>
    /// <param name="path">A path expression.</param>
    /// <returns>The string value.</returns>
    /// <exception cref="HoconException">The path is missing, or the value is null, an object or an array.</exception>
    public string GetString(string path) => ValueConverter.AsString(Require(path), FullPath(path));

    /// <summary>Gets a string, or <paramref name="defaultValue"/> when the path is missing or null.</summary>
    /// <param name="path">A path expression.</param>
    /// <param name="defaultValue">The value used when the path is missing or null.</param>
    /// <returns>The string value.</returns>
    /// <exception cref="HoconException">The value is an object or an array.</exception>
    public string GetString(string path, string defaultValue) =>
        Optional(path) is { } value ? ValueConverter.AsString(value, FullPath(path)) : defaultValue;

    /// <summary>Gets a 32-bit integer; numeric strings such as "10" are accepted.</summary>
    /// <param name="path">A path expression.</param>
    /// <returns>The integer value.</returns>
    /// <exception cref="HoconException">The path is missing or the value is not a whole number in range.</exception>
    public int GetInt(string path) => ValueConverter.AsInt(Require(path), FullPath(path));

    /// <summary>Gets a 32-bit integer, or <paramref name="defaultValue"/> when the path is missing or null.</summary>
    /// <param name="path">A path expression.</param>
    /// <param name="defaultValue">The value used when the path is missing or null.</param>
    /// <returns>The integer value.</returns>
    /// <exception cref="HoconException">The value is not a whole number in range.</exception>
    public int GetInt(string path, int defaultValue) =>
        Optional(path) is { } value ? ValueConverter.AsInt(value, FullPath(path)) : defaultValue;

    /// <summary>Gets a 64-bit integer; numeric strings are accepted.</summary>
    /// <param name="path">A path expression.</param>
    /// <returns>The integer value.</returns>
    /// <exception cref="HoconException">The path is missing or the value is not a whole number in range.</exception>
    public long GetLong(string path) => ValueConverter.AsLong(Require(path), FullPath(path));

    /// <summary>Gets a 64-bit integer, or <paramref name="defaultValue"/> when the path is missing or null.</summary>
    /// <param name="path">A path expression.</param>
    /// <param name="defaultValue">The value used when the path is missing or null.</param>
    /// <returns>The integer value.</returns>
    /// <exception cref="HoconException">The value is not a whole number in range.</exception>
    public long GetLong(string path, long defaultValue) =>
        Optional(path) is { } value ? ValueConverter.AsLong(value, FullPath(path)) : defaultValue;

    /// <summary>Gets a floating-point number; numeric strings are accepted.</summary>
    /// <param name="path">A path expression.</param>
    /// <returns>The number.</returns>
    /// <exception cref="HoconException">The path is missing or the value is not a number.</exception>
    public double GetDouble(string path) => ValueConverter.AsDouble(Require(path), FullPath(path));

    /// <summary>Gets a floating-point number, or <paramref name="defaultValue"/> when the path is missing or null.</summary>
    /// <param name="path">A path expression.</param>
    /// <param name="defaultValue">The value used when the path is missing or null.</param>
    /// <returns>The number.</returns>
    /// <exception cref="HoconException">The value is not a number.</exception>
    public double GetDouble(string path, double defaultValue) =>
        Optional(path) is { } value ? ValueConverter.AsDouble(value, FullPath(path)) : defaultValue;

    /// <summary>Gets a boolean; the strings true/yes/on and false/no/off are accepted.</summary>
    /// <param name="path">A path expression.</param>
    /// <returns>The boolean.</returns>
    /// <exception cref="HoconException">The path is missing or the value is not a boolean.</exception>
    public bool GetBoolean(string path) => ValueConverter.AsBoolean(Require(path), FullPath(path));

    /// <summary>Gets a boolean, or <paramref name="defaultValue"/> when the path is missing or null.</summary>
    /// <param name="path">A path expression.</param>
    /// <param name="defaultValue">The value used when the path is missing or null.</param>
    /// <returns>The boolean.</returns>
    /// <exception cref="HoconException">The value is not a boolean.</exception>
    public bool GetBoolean(string path, bool defaultValue) =>
        Optional(path) is { } value ? ValueConverter.AsBoolean(value, FullPath(path)) : defaultValue;

    /// <summary>
    /// Gets a duration: a number of milliseconds, or a string such as "1.5 s" with a unit among
    /// ns/nano(s)/nanosecond(s), us/micro(s)/microsecond(s), ms/milli(s)/millisecond(s), s/second(s),
    /// m/minute(s), h/hour(s), d/day(s). "infinite" and "inf" give <see cref="Timeout.InfiniteTimeSpan"/>.
    /// </summary>
    /// <param name="path">A path expression.</param>
    /// <returns>The duration, rounded to the nearest tick.</returns>
    /// <exception cref="HoconException">The path is missing or the value is not a duration.</exception>
    public TimeSpan GetTimeSpan(string path) => ValueConverter.AsDuration(Require(path), FullPath(path));

    /// <summary>Gets a duration (see <see cref="GetTimeSpan(string)"/>), or <paramref name="defaultValue"/> when the path is missing or null.</summary>
    /// <param name="path">A path expression.</param>
    /// <param name="defaultValue">The value used when the path is missing or null.</param>
    /// <returns>The duration.</returns>
    /// <exception cref="HoconException">The value is not a duration.</exception>
    public TimeSpan GetTimeSpan(string path, TimeSpan defaultValue) =>
        Optional(path) is { } value ? ValueConverter.AsDuration(value, FullPath(path)) : defaultValue;

    /// <summary>
    /// Gets a size in bytes: a number of bytes, or a string such as "512 KiB" with a unit among B/byte(s),
    /// SI kB, MB, GB, TB, PB, EB (and kilobyte(s)...) and IEC K/k/Ki/KiB/kibibyte(s) up to E.
    /// </summary>
    /// <param name="path">A path expression.</param>
    /// <returns>The number of bytes.</returns>
    /// <exception cref="HoconException">The path is missing, the value is not a size, or it overflows 64 bits.</exception>
    public long GetByteSize(string path) => ValueConverter.AsByteSize(Require(path), FullPath(path));

    /// <summary>Gets a size in bytes (see <see cref="GetByteSize(string)"/>), or <paramref name="defaultValue"/> when the path is missing or null.</summary>
    /// <param name="path">A path expression.</param>
    /// <param name="defaultValue">The value used when the path is missing or null.</param>
    /// <returns>The number of bytes.</returns>
    /// <exception cref="HoconException">The value is not a size or overflows 64 bits.</exception>
    public long GetByteSize(string path, long defaultValue) =>
        Optional(path) is { } value ? ValueConverter.AsByteSize(value, FullPath(path)) : defaultValue;
}
