using System.Globalization;
using ActorIpc.Hocon.Resolution;

namespace ActorIpc.Hocon.Conversion;

/// <summary>
/// The spec's automatic type conversions for getters: numbers and booleans read as strings, numeric
/// strings as numbers, <c>yes/no/on/off</c> as booleans. Null, objects and arrays never convert.
/// </summary>
internal static class ValueConverter
{
    public static string AsString(HoconValue value, string path) => value switch
    {
        HoconString s => s.Value,
        HoconNumber n => n.Literal,
        HoconBoolean b => b.Value ? "true" : "false",
        _ => throw WrongType(value, "a string", path),
    };

    public static long AsLong(HoconValue value, string path, string expected = "a 64-bit integer")
    {
        switch (value)
        {
            case HoconNumber n when n.TryGetInt64(out long result):
                return result;
            case HoconString s when TryParseInteger(s.Value, out long parsed):
                return parsed;
            default:
                throw WrongType(value, expected, path);
        }
    }

    public static int AsInt(HoconValue value, string path)
    {
        long result = AsLong(value, path, "a 32-bit integer");
        if (result is < int.MinValue or > int.MaxValue)
        {
            throw WrongType(value, "a 32-bit integer", path, " (out of range)");
        }

        return (int)result;
    }

    public static double AsDouble(HoconValue value, string path) => value switch
    {
        HoconNumber n => n.DoubleValue,
        HoconString s when TryParseDouble(s.Value, out double parsed) => parsed,
        _ => throw WrongType(value, "a number", path),
    };

    public static bool AsBoolean(HoconValue value, string path) => value switch
    {
        HoconBoolean b => b.Value,
        HoconString { Value: "true" or "yes" or "on" } => true,
        HoconString { Value: "false" or "no" or "off" } => false,
        _ => throw WrongType(value, "a boolean (true/false/yes/no/on/off)", path),
    };

    public static TimeSpan AsDuration(HoconValue value, string path)
    {
        string? problem;
        switch (value)
        {
            case HoconNumber n:
                if (Units.TryDuration((decimal)n.DoubleValue, "ms", out var fromNumber, out problem))
                {
                    return fromNumber;
                }

                break;
            case HoconString s:
                if (Units.TryParseDuration(s.Value, out var parsed, out problem))
                {
                    return parsed;
                }

                break;
            default:
                problem = null;
                break;
        }

        throw WrongType(value, "a duration", path, problem is null ? null : " (" + problem + ")");
    }

    public static long AsByteSize(HoconValue value, string path)
    {
        string? problem;
        switch (value)
        {
            case HoconNumber n:
                if (n.TryGetInt64(out long bytes))
                {
                    return bytes;
                }

                problem = "a byte count must be a whole number";
                break;
            case HoconString s:
                if (Units.TryParseByteSize(s.Value, out long parsed, out problem))
                {
                    return parsed;
                }

                break;
            default:
                problem = null;
                break;
        }

        throw WrongType(value, "a size in bytes", path, problem is null ? null : " (" + problem + ")");
    }

    /// <summary>An array, or an object whose keys are integers read as an array in key order (the spec's conversion).</summary>
    public static IReadOnlyList<HoconValue> AsList(HoconValue value, string path)
    {
        if (value is HoconArray array)
        {
            return array;
        }

        if (value is HoconObject obj && obj.Count > 0)
        {
            var indexed = new List<(long Index, HoconValue Value)>();
            foreach (var pair in obj)
            {
                if (long.TryParse(pair.Key, NumberStyles.None, CultureInfo.InvariantCulture, out long index))
                {
                    indexed.Add((index, pair.Value));
                }
            }

            if (indexed.Count > 0)
            {
                indexed.Sort((a, b) => a.Index.CompareTo(b.Index));
                return indexed.Select(p => p.Value).ToArray();
            }
        }

        throw WrongType(value, "an array", path);
    }

    public static HoconObject AsObject(HoconValue value, string path) =>
        value as HoconObject ?? throw WrongType(value, "an object", path);

    /// <summary>
    /// <c>expected a duration at a.b (file.conf:3:17), got the string "fast"</c>: the path and
    /// position of the value, then what was found.
    /// </summary>
    public static HoconException WrongType(HoconValue value, string expected, string path, string? detail = null)
    {
        string found = value.Type == HoconType.Unresolved
            ? "an unresolved substitution (call Config.Resolve() first)"
            : Concatenator.Describe(value);
        string reason = $"expected {expected} at {path}, got {found}{detail}";
        string message = value.Line > 0
            ? $"expected {expected} at {path} ({value.Origin}:{value.Line}:{value.Column}), got {found}{detail}"
            : reason;
        return new HoconException(message, reason, value.Origin, value.Line, value.Column, path);
    }

    private static bool TryParseInteger(string text, out long value)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        if (TryParseDouble(text, out double d) && Math.Floor(d) == d && d >= long.MinValue && d < 9.2233720368547758E+18)
        {
            value = (long)d;
            return true;
        }

        return false;
    }

    private static bool TryParseDouble(string text, out double value) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value);
}
