using ActorIpc.Hocon.Conversion;

namespace ActorIpc.Hocon;

/// <summary>List getters: the value must be an array (or an object with integer keys); each element converts like the scalar getter.</summary>
public sealed partial class Config
{
    /// <summary>Gets a list of strings.</summary>
    /// <param name="path">A path expression.</param>
    /// <returns>The elements as strings.</returns>
    /// <exception cref="HoconException">The path is missing, the value is not an array, or an element is not a string.</exception>
    public IReadOnlyList<string> GetStringList(string path) => GetList(path, ValueConverter.AsString);

    /// <summary>Gets a list of 32-bit integers.</summary>
    /// <param name="path">A path expression.</param>
    /// <returns>The elements as integers.</returns>
    /// <exception cref="HoconException">The path is missing, the value is not an array, or an element is not an integer.</exception>
    public IReadOnlyList<int> GetIntList(string path) => GetList(path, ValueConverter.AsInt);

    /// <summary>Gets a list of 64-bit integers.</summary>
    /// <param name="path">A path expression.</param>
    /// <returns>The elements as integers.</returns>
    /// <exception cref="HoconException">The path is missing, the value is not an array, or an element is not an integer.</exception>
    public IReadOnlyList<long> GetLongList(string path) => GetList(path, (v, p) => ValueConverter.AsLong(v, p));

    /// <summary>Gets a list of floating-point numbers.</summary>
    /// <param name="path">A path expression.</param>
    /// <returns>The elements as numbers.</returns>
    /// <exception cref="HoconException">The path is missing, the value is not an array, or an element is not a number.</exception>
    public IReadOnlyList<double> GetDoubleList(string path) => GetList(path, ValueConverter.AsDouble);

    /// <summary>Gets a list of booleans.</summary>
    /// <param name="path">A path expression.</param>
    /// <returns>The elements as booleans.</returns>
    /// <exception cref="HoconException">The path is missing, the value is not an array, or an element is not a boolean.</exception>
    public IReadOnlyList<bool> GetBooleanList(string path) => GetList(path, ValueConverter.AsBoolean);

    /// <summary>Gets a list of durations (see <see cref="GetTimeSpan(string)"/>).</summary>
    /// <param name="path">A path expression.</param>
    /// <returns>The elements as durations.</returns>
    /// <exception cref="HoconException">The path is missing, the value is not an array, or an element is not a duration.</exception>
    public IReadOnlyList<TimeSpan> GetTimeSpanList(string path) => GetList(path, ValueConverter.AsDuration);

    /// <summary>Gets a list of sizes in bytes (see <see cref="GetByteSize(string)"/>).</summary>
    /// <param name="path">A path expression.</param>
    /// <returns>The elements as byte counts.</returns>
    /// <exception cref="HoconException">The path is missing, the value is not an array, or an element is not a size.</exception>
    public IReadOnlyList<long> GetByteSizeList(string path) => GetList(path, ValueConverter.AsByteSize);

    /// <summary>Gets a list of objects, each as a config.</summary>
    /// <param name="path">A path expression.</param>
    /// <returns>One config per element.</returns>
    /// <exception cref="HoconException">The path is missing, the value is not an array, or an element is not an object.</exception>
    public IReadOnlyList<Config> GetConfigList(string path) =>
        GetList(path, (v, p) => new Config(ValueConverter.AsObject(v, p), _useEnvironment, p));

    private T[] GetList<T>(string path, Func<HoconValue, string, T> convert)
    {
        string fullPath = FullPath(path);
        var items = ValueConverter.AsList(Require(path), fullPath);
        var result = new T[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            result[i] = convert(items[i], fullPath + "[" + i + "]");
        }

        return result;
    }
}
