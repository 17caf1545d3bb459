using System.Collections.Frozen;
using System.Globalization;

namespace ActorIpc.Hocon.Conversion;

/// <summary>The spec's duration and byte-size unit formats: a number, optional whitespace, an optional unit.</summary>
internal static class Units
{
    private static readonly FrozenDictionary<string, decimal> TicksPerDurationUnit = BuildDurations();
    private static readonly FrozenDictionary<string, decimal> BytesPerSizeUnit = BuildSizes();

    private static FrozenDictionary<string, decimal> BuildDurations()
    {
        var units = new Dictionary<string, decimal>(StringComparer.Ordinal);
        void Add(decimal ticks, params string[] names)
        {
            foreach (string name in names)
            {
                units.Add(name, ticks);
            }
        }

        // A tick is 100 ns, so nanoseconds are fractions of a tick and get rounded.
        Add(0.01m, "ns", "nano", "nanos", "nanosecond", "nanoseconds");
        Add(10m, "us", "micro", "micros", "microsecond", "microseconds");
        Add(TimeSpan.TicksPerMillisecond, "ms", "milli", "millis", "millisecond", "milliseconds");
        Add(TimeSpan.TicksPerSecond, "s", "second", "seconds");
        Add(TimeSpan.TicksPerMinute, "m", "minute", "minutes");
        Add(TimeSpan.TicksPerHour, "h", "hour", "hours");
        Add(TimeSpan.TicksPerDay, "d", "day", "days");
        return units.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, decimal> BuildSizes()
    {
        var units = new Dictionary<string, decimal>(StringComparer.Ordinal)
        {
            ["B"] = 1, ["b"] = 1, ["byte"] = 1, ["bytes"] = 1,
        };
        string[] si = ["kilo", "mega", "giga", "tera", "peta", "exa", "zetta", "yotta"];
        string[] iec = ["kibi", "mebi", "gibi", "tebi", "pebi", "exbi", "zebi", "yobi"];
        const string Letters = "KMGTPEZY";
        decimal power10 = 1;
        decimal power2 = 1;
        for (int i = 0; i < Letters.Length; i++)
        {
            power10 *= 1000;
            power2 *= 1024;
            char upper = Letters[i];
            char lower = char.ToLowerInvariant(upper);

            // SI: kB (lowercase k by convention), MB, GB, ...
            string siShort = (i == 0 ? "k" : upper.ToString()) + "B";
            units.Add(siShort, power10);
            units.Add(si[i] + "byte", power10);
            units.Add(si[i] + "bytes", power10);

            // IEC, plus the single letters that common usage (java -Xmx, ls) reads as powers of two.
            units.Add(upper.ToString(), power2);
            units.Add(lower.ToString(), power2);
            units.Add(upper + "i", power2);
            units.Add(upper + "iB", power2);
            units.Add(iec[i] + "byte", power2);
            units.Add(iec[i] + "bytes", power2);
        }

        return units.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static bool TryParseDuration(string text, out TimeSpan result, out string? problem)
    {
        string trimmed = text.Trim();
        if (trimmed is "infinite" or "inf")
        {
            result = Timeout.InfiniteTimeSpan;
            problem = null;
            return true;
        }

        if (!TrySplit(trimmed, out decimal number, out string unit, out problem))
        {
            result = default;
            return false;
        }

        return TryDuration(number, unit.Length == 0 ? "ms" : unit, out result, out problem);
    }

    public static bool TryDuration(decimal number, string unit, out TimeSpan result, out string? problem)
    {
        result = default;
        if (!TicksPerDurationUnit.TryGetValue(unit, out decimal ticksPerUnit))
        {
            problem = $"unknown duration unit \"{unit}\"; use ns, us, ms, s, m, h or d";
            return false;
        }

        try
        {
            decimal ticks = Math.Round(number * ticksPerUnit, MidpointRounding.AwayFromZero);
            if (ticks is >= long.MinValue and <= long.MaxValue)
            {
                result = TimeSpan.FromTicks((long)ticks);
                problem = null;
                return true;
            }
        }
        catch (OverflowException)
        {
            // Reported below like any other out-of-range duration.
        }

        problem = "out of range for a TimeSpan";
        return false;
    }

    public static bool TryParseByteSize(string text, out long result, out string? problem)
    {
        result = 0;
        if (!TrySplit(text.Trim(), out decimal number, out string unit, out problem))
        {
            return false;
        }

        decimal multiplier = 1;
        if (unit.Length > 0 && !BytesPerSizeUnit.TryGetValue(unit, out multiplier))
        {
            problem = $"unknown size unit \"{unit}\"; use B, kB, MB, GB... (powers of 1000) or K, Ki, KiB, M, MiB... (powers of 1024)";
            return false;
        }

        try
        {
            decimal bytes = decimal.Truncate(number * multiplier);
            if (bytes is >= long.MinValue and <= long.MaxValue)
            {
                result = (long)bytes;
                return true;
            }
        }
        catch (OverflowException)
        {
            // Reported below like any other out-of-range size.
        }

        problem = "too large for a 64-bit byte count";
        return false;
    }

    /// <summary>Splits "1.5 s" into 1.5 and "s": the unit is the trailing run of letters.</summary>
    private static bool TrySplit(string text, out decimal number, out string unit, out string? problem)
    {
        int end = text.Length;
        while (end > 0 && char.IsLetter(text[end - 1]))
        {
            end--;
        }

        unit = text[end..];
        var digits = text.AsSpan(0, end).TrimEnd();
        if (digits.Length == 0 ||
            !decimal.TryParse(digits, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out number))
        {
            number = 0;
            problem = null;
            return false;
        }

        problem = null;
        return true;
    }
}
