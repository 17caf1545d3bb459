using System.Globalization;
using ActorIpc.Hocon;
using AkkaConfig = Akka.Configuration.Config;
using AkkaValue = Akka.Configuration.Hocon.HoconValue;

namespace ActorIpc.Tests.Configuration;

/// <summary>
/// Compares what Akka's configuration getters return with what ActorIpc.Hocon's return, for every
/// value of a resolved tree: objects (their keys), arrays (their elements), strings, numbers,
/// booleans, nulls, and the strings that read as durations or byte sizes.
/// </summary>
internal static class AkkaParity
{
    /// <summary>Duration units HOCON has and Akka's duration getter lacks.</summary>
    private static readonly string[] UnitsAkkaLacks = ["us", "µs"];

    /// <summary>Boolean spellings HOCON has and Akka's boolean getter lacks (it knows true, false, on, off).</summary>
    private static readonly string[] BooleansAkkaLacks = ["yes", "no"];

    /// <summary>Asserts that <paramref name="akka"/> reads every value of <paramref name="ours"/> the same.</summary>
    /// <returns>How many values were compared.</returns>
    public static int AssertSame(Config ours, AkkaConfig akka)
    {
        var count = 0;
        Compare(ours, akka, ours.Root, akka.Root, new List<string>(), inArray: false, ref count);
        return count;
    }

    private static void Compare(Config ours, AkkaConfig akka, HoconValue value, AkkaValue akkaValue, List<string> path, bool inArray, ref int count)
    {
        count++;
        var where = Describe(path);
        Assert.True(akkaValue is not null, $"Akka has no value at {where}");

        // Paths address values outside arrays; Akka's path syntax cannot quote a key holding a
        // quote character, so such values are compared through their parent objects only.
        var addressable = !inArray && path.Count > 0 && path.All(k => !k.Contains('"', StringComparison.Ordinal));
        var ourPath = string.Join('.', path.Select(QuoteForUs));
        var akkaPath = string.Join('.', path.Select(QuoteForAkka));

        switch (value)
        {
            case HoconObject obj:
                Assert.True(akkaValue.IsObject(), $"Akka does not read an object at {where}");
                var akkaObject = akkaValue.GetObject();
                Assert.Equal(obj.Keys.Order(StringComparer.Ordinal), akkaObject.Items.Keys.Order(StringComparer.Ordinal));
                if (addressable)
                {
                    Assert.True(akka.HasPath(akkaPath), $"Akka's HasPath is false at {where}");
                    Assert.Equal(obj.Count, akka.GetConfig(akkaPath).Root.GetObject().Items.Count);
                }

                foreach (var (key, child) in obj)
                {
                    path.Add(key);
                    Compare(ours, akka, child, akkaObject.Items[key], path, inArray, ref count);
                    path.RemoveAt(path.Count - 1);
                }

                break;

            case HoconArray array:
                Assert.True(akkaValue.IsArray(), $"Akka does not read an array at {where}");
                var elements = akkaValue.GetArray();
                Assert.Equal(array.Count, elements.Count);
                for (var i = 0; i < array.Count; i++)
                {
                    path.Add(i.ToString(CultureInfo.InvariantCulture));
                    Compare(ours, akka, array[i], elements[i], path, inArray: true, ref count);
                    path.RemoveAt(path.Count - 1);
                }

                if (addressable && array.All(e => e is HoconString or HoconNumber or HoconBoolean))
                {
                    Assert.Equal(ours.GetStringList(ourPath), akka.GetStringList(akkaPath));
                }

                break;

            case HoconNull:
                Assert.Null(akkaValue.GetString());
                if (addressable)
                {
                    Assert.Null(akka.GetString(akkaPath));
                }

                break;

            case HoconBoolean boolean:
                Assert.Equal(boolean.Value, akkaValue.GetBoolean());
                if (addressable)
                {
                    Assert.Equal(ours.GetBoolean(ourPath), akka.GetBoolean(akkaPath));
                    Assert.Equal(ours.GetString(ourPath), akka.GetString(akkaPath));
                }

                break;

            case HoconNumber number:
                Assert.Equal(number.Literal, akkaValue.GetString());
                Assert.Equal(number.DoubleValue, akkaValue.GetDouble());
                if (number.TryGetInt64(out var integer) && !number.Literal.Contains('e', StringComparison.OrdinalIgnoreCase) && !number.Literal.Contains('.', StringComparison.Ordinal))
                {
                    Assert.Equal(integer, akkaValue.GetLong());
                }

                if (addressable)
                {
                    Assert.Equal(ours.GetString(ourPath), akka.GetString(akkaPath));
                    Assert.Equal(ours.GetDouble(ourPath), akka.GetDouble(akkaPath));
                }

                break;

            case HoconString text:
                Assert.Equal(AsAkkaReadsIt(text.Value), akkaValue.GetString());
                if (addressable)
                {
                    Assert.Equal(AsAkkaReadsIt(ours.GetString(ourPath)), akka.GetString(akkaPath));
                    CompareConversions(ours, akka, ourPath, akkaPath, text.Value, where);
                }

                break;

            default:
                Assert.Fail($"an unresolved value at {where}");
                break;
        }
    }

    /// <summary>
    /// Akka's string getter trims the value, and reads "null" as a null string (it keeps no type
    /// for its literals); the bridge hands it the exact string, and these are Akka's getters' ways.
    /// </summary>
    private static string? AsAkkaReadsIt(string value) => value.Trim() is var trimmed && trimmed == "null" ? null : trimmed;

    /// <summary>Where our getters read a string as a boolean, a duration or a size, Akka's must read the same.</summary>
    private static void CompareConversions(Config ours, AkkaConfig akka, string ourPath, string akkaPath, string text, string where)
    {
        if (TryRead(() => ours.GetBoolean(ourPath), out var flag))
        {
            if (BooleansAkkaLacks.Contains(text.Trim()))
            {
                Assert.Throws<NotSupportedException>(() => akka.GetBoolean(akkaPath));
            }
            else
            {
                Assert.Equal(flag, akka.GetBoolean(akkaPath));
            }
        }

        if (TryRead(() => ours.GetTimeSpan(ourPath), out var duration))
        {
            if (UnitsAkkaLacks.Any(u => text.TrimEnd().EndsWith(u, StringComparison.Ordinal)))
            {
                Assert.ThrowsAny<Exception>(() => akka.GetTimeSpan(akkaPath));
            }
            else
            {
                Assert.True(duration == akka.GetTimeSpan(akkaPath), $"Akka reads the duration '{text}' at {where} as {akka.GetTimeSpan(akkaPath)}, ActorIpc.Hocon as {duration}");
            }
        }

        if (TryRead(() => ours.GetByteSize(ourPath), out var size))
        {
            Assert.Equal(size, akka.GetByteSize(akkaPath));
        }
    }

    private static bool TryRead<T>(Func<T> read, out T value)
    {
        try
        {
            value = read();
            return true;
        }
        catch (HoconException)
        {
            value = default!;
            return false;
        }
    }

    private static string Describe(IReadOnlyList<string> path) => path.Count == 0 ? "the root" : string.Join(" → ", path);

    private static string QuoteForUs(string key) =>
        key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? key : "\"" + key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string QuoteForAkka(string key) =>
        key.Contains('.', StringComparison.Ordinal) || key.Length == 0 ? "\"" + key + "\"" : key;
}
