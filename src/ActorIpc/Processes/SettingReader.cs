using ActorIpc.Hocon;

namespace ActorIpc;

/// <summary>The checks the fleet's settings share: each failure names the path and where the value was written.</summary>
internal static class SettingReader
{
    /// <summary>A duration that is positive and finite.</summary>
    public static TimeSpan Positive(Config section, string path, string why)
    {
        var value = section.GetTimeSpan(path);
        return value > TimeSpan.Zero && value != Timeout.InfiniteTimeSpan ? value : throw section.InvalidValue(path, why);
    }

    /// <summary>A duration that is 0 or more, and finite.</summary>
    public static TimeSpan NonNegative(Config section, string path, string why)
    {
        var value = section.GetTimeSpan(path);
        return value >= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan ? value : throw section.InvalidValue(path, why);
    }

    /// <summary>An integer within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static int Int(Config section, string path, int min, int max, string why)
    {
        var value = section.GetInt(path);
        return value >= min && value <= max ? value : throw section.InvalidValue(path, why);
    }

    /// <summary>Whether the value at <paramref name="path"/> is <c>off</c> (or <c>false</c>, or <c>null</c>): a setting turned off.</summary>
    public static bool IsOff(Config section, string path) => section.GetValue(path) switch
    {
        null or HoconNull => true,
        HoconBoolean { Value: false } => true,
        HoconString { Value: "off" or "false" or "no" or "none" } => true,
        _ => false,
    };

    /// <summary>Names that are not empty, have no whitespace, no commas and no control characters: roles, key names.</summary>
    public static IReadOnlyList<string> Names(Config section, string path, string what, int maxLength)
    {
        var names = section.GetStringList(path);
        foreach (var name in names)
        {
            if (name.Length == 0 || name.Length > maxLength || name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == ','))
            {
                throw section.InvalidValue(path, $"'{name}' is not a {what}: 1 to {maxLength} characters, no whitespace, commas or control characters");
            }
        }

        return names.Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// Refuses a field of the object at <paramref name="path"/> that is not one of
    /// <paramref name="known"/>: a misspelt setting is an error, not a silently kept default.
    /// </summary>
    public static void RequireKnown(Config config, string path, IReadOnlyCollection<string> known)
    {
        foreach (var key in config.GetKeys(path))
        {
            if (!known.Contains(key))
            {
                var at = path.Length == 0 ? Quote(key) : $"{path}.{Quote(key)}";
                throw config.InvalidValue(at, $"'{key}' is not a setting here (known: {string.Join(", ", known)})");
            }
        }
    }

    /// <summary>A key as one element of a path expression: as it is when it needs no quotes, else quoted, whatever it holds.</summary>
    public static string Quote(string key) =>
        key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? key : "\"" + key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
