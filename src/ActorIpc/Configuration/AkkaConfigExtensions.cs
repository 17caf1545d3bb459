using System.Globalization;
using ActorIpc.Hocon;
using AkkaHocon = Akka.Configuration.Hocon;

namespace ActorIpc.Configuration;

/// <summary>Hands a configuration resolved by ActorIpc.Hocon to Akka.NET.</summary>
public static class AkkaConfigExtensions
{
    /// <summary>
    /// Builds an <see cref="Akka.Configuration.Config"/> from the resolved tree of
    /// <paramref name="config"/>, value for value, without Akka's parser seeing any text: what Akka's
    /// getters return is what ActorIpc.Hocon resolved (numbers keep their literal form, durations
    /// and sizes stay the strings Akka's getters parse).
    /// </summary>
    /// <param name="config">The configuration; it is resolved first if it is not.</param>
    /// <returns>The same tree as Akka's configuration type.</returns>
    /// <exception cref="HoconException">A substitution in <paramref name="config"/> does not resolve.</exception>
    /// <remarks>
    /// Akka cannot tell a quoted string <c>"null"</c> from <c>null</c>: both read as a null
    /// string there. Akka's duration getter knows fewer units than HOCON (no <c>us</c> or
    /// <c>ns</c>); settings Akka reads need a unit it knows.
    /// </remarks>
    public static Akka.Configuration.Config ToAkkaConfig(this Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var root = config.Resolve().Root;
        return new Akka.Configuration.Config(new AkkaHocon.HoconRoot(Convert(root)));
    }

    private static AkkaHocon.HoconValue Convert(HoconValue value)
    {
        var converted = new AkkaHocon.HoconValue();
        converted.AppendValue(value switch
        {
            HoconObject obj => ConvertObject(obj),
            HoconArray array => ConvertArray(array),
            HoconString text => Literal(text.Value),
            HoconNumber number => Literal(number.Literal),
            HoconBoolean boolean => Literal(boolean.Value ? "true" : "false"),
            HoconNull => Literal("null"),
            _ => throw new InvalidOperationException(
                string.Create(CultureInfo.InvariantCulture, $"an unresolved {value.Type} value at {value.Origin}:{value.Line}:{value.Column} reached the Akka configuration bridge")),
        });
        return converted;
    }

    private static AkkaHocon.HoconObject ConvertObject(HoconObject obj)
    {
        var converted = new AkkaHocon.HoconObject();
        foreach (var (key, child) in obj)
        {
            converted.Items[key] = Convert(child);
        }

        return converted;
    }

    private static AkkaHocon.HoconArray ConvertArray(HoconArray array)
    {
        var converted = new AkkaHocon.HoconArray();
        foreach (var element in array)
        {
            converted.Add(Convert(element));
        }

        return converted;
    }

    private static AkkaHocon.HoconLiteral Literal(string text) => new() { Value = text };
}
