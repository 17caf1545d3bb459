using System.Collections.Frozen;

namespace ActorIpc.Remote.Serialization;

/// <summary>
/// Framework types allowed from the wire without configuration. They are looked up by full name
/// in these tables and never loaded by name, so a manifest cannot pick another assembly's type
/// that merely shares the name.
/// </summary>
internal static class BuiltInTypes
{
    /// <summary>Primitives and harmless generic containers, usable as message types and type arguments.</summary>
    public static FrozenDictionary<string, Type> Messages { get; } = ByFullName(
        typeof(string), typeof(int), typeof(long), typeof(double), typeof(bool), typeof(byte[]), typeof(Guid),
        typeof(byte), typeof(short), typeof(float), typeof(decimal), typeof(char), typeof(uint), typeof(ulong),
        typeof(DateTime), typeof(DateTimeOffset), typeof(TimeSpan), typeof(DateOnly), typeof(TimeOnly), typeof(Uri),
        typeof(Nullable<>), typeof(ReadOnlyMemory<>), typeof(KeyValuePair<,>),
        typeof(List<>), typeof(Dictionary<,>), typeof(HashSet<>),
        typeof(IList<>), typeof(IReadOnlyList<>), typeof(ICollection<>), typeof(IReadOnlyCollection<>), typeof(IEnumerable<>),
        typeof(IDictionary<,>), typeof(IReadOnlyDictionary<,>), typeof(ISet<>), typeof(IReadOnlySet<>));

    /// <summary>Standard exceptions that carry no state beyond message and inner exception, rebuilt as themselves.</summary>
    public static FrozenDictionary<string, Type> Exceptions { get; } = ByFullName(
        typeof(Exception), typeof(SystemException), typeof(ApplicationException),
        typeof(InvalidOperationException), typeof(ArgumentException), typeof(ArgumentNullException), typeof(ArgumentOutOfRangeException),
        typeof(TimeoutException), typeof(FormatException), typeof(NotSupportedException),
        typeof(KeyNotFoundException), typeof(OperationCanceledException), typeof(TaskCanceledException), typeof(ObjectDisposedException),
        typeof(InvalidCastException), typeof(NullReferenceException), typeof(IndexOutOfRangeException),
        typeof(ArithmeticException), typeof(DivideByZeroException), typeof(OverflowException),
        typeof(UnauthorizedAccessException), typeof(IOException), typeof(FileNotFoundException),
        typeof(DirectoryNotFoundException), typeof(EndOfStreamException));

    private static FrozenDictionary<string, Type> ByFullName(params Type[] types) =>
        types.ToFrozenDictionary(t => t.FullName!, StringComparer.Ordinal);
}
