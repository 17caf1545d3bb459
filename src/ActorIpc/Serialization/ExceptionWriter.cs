using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using Akka.Actor;

namespace ActorIpc.Serialization;

/// <summary>
/// Writes an exception in ActorIpc's exception format, one record:
/// <code>
/// record := type (string: "Ns.T, Asm"), message (nullable string: as created),
///           display message (nullable string: Message when it differs), stack trace (nullable string),
///           source (nullable string), HResult (Int32),
///           data count (Int32), { key value, value value },
///           property count (Int32), { name (string), value },
///           inner count (Int32), { record }
/// </code>
/// A nullable string is a Boolean (present) followed by the string. Values are
/// <see cref="WireTag"/>-tagged (see <see cref="WireValueWriter"/>).
/// </summary>
internal sealed class ExceptionWriter
{
    /// <summary>
    /// Records nested deeper than this are left out (inner exceptions) or written as text
    /// (exceptions in properties and <see cref="Exception.Data"/>); a reader refuses deeper ones.
    /// </summary>
    public const int MaxDepth = 32;

    private static readonly HashSet<string> ExceptionOwnProperties =
        [.. typeof(Exception).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name)];

    private readonly WireValueWriter _values;
    private readonly ConcurrentDictionary<Type, PropertyInfo[]> _properties = new();

    /// <summary>Creates a writer whose property values that are not primitives go through <paramref name="system"/>'s serialization.</summary>
    /// <param name="system">The actor system.</param>
    public ExceptionWriter(ExtendedActorSystem system)
    {
        _values = new WireValueWriter(system, Write);
    }

    /// <summary>The writer of tagged values, for other parts of a payload.</summary>
    public WireValueWriter Values => _values;

    /// <summary>Writes <paramref name="exception"/> as one record, its inner exceptions included.</summary>
    /// <param name="writer">Where to.</param>
    /// <param name="exception">The exception.</param>
    public void Write(BinaryWriter writer, Exception exception) => Write(writer, exception, new ExceptionPath());

    private void Write(BinaryWriter writer, Exception exception, ExceptionPath path)
    {
        path.Enter(exception);
        try
        {
            WriteRecord(writer, exception, path);
        }
        finally
        {
            path.Leave(exception);
        }
    }

    private void WriteRecord(BinaryWriter writer, Exception exception, ExceptionPath path)
    {
        var remote = exception as RemoteException;
        var message = remote is null ? ExceptionInternals.RawMessage(exception) : remote.RawRemoteMessage;
        var display = remote is null ? exception.Message : remote.RemoteMessage;
        writer.Write(remote?.QualifiedRemoteType ?? QualifiedName(exception.GetType()));
        WriteNullable(writer, message);
        WriteNullable(writer, display == message ? null : display);
        WriteNullable(writer, exception.StackTrace);
        WriteNullable(writer, SourceOf(exception));
        writer.Write(exception.HResult);
        WriteEntries(writer, DataEntries(exception, path));
        WriteEntries(writer, remote is null ? Properties(exception, path) : RemoteProperties(remote));

        var inners = InnerExceptions(exception).Where(path.CanEnter).ToList();
        writer.Write(inners.Count);
        foreach (var inner in inners)
        {
            Write(writer, inner, path);
        }
    }

    /// <summary>Writes a string that may be <see langword="null"/>: a Boolean, then the string when present.</summary>
    /// <param name="writer">Where to.</param>
    /// <param name="text">The string.</param>
    public static void WriteNullable(BinaryWriter writer, string? text)
    {
        writer.Write(text is not null);
        if (text is not null)
        {
            writer.Write(text);
        }
    }

    private static string QualifiedName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    private static string? SourceOf(Exception exception)
    {
        try
        {
            return exception.Source;
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException)
        {
            // Source is computed from the stack when it was not set, which some frames refuse.
            return null;
        }
    }

    private static IReadOnlyList<Exception> InnerExceptions(Exception exception) => exception switch
    {
        AggregateException aggregate => aggregate.InnerExceptions,
        { InnerException: { } inner } => [inner],
        _ => [],
    };

    private static void WriteEntries(BinaryWriter writer, List<byte[]> entries)
    {
        writer.Write(entries.Count);
        foreach (var entry in entries)
        {
            writer.Write(entry);
        }
    }

    // Entries whose key or value does not serialize are left out: Data is a side channel, and a
    // text stand-in for a key would make a different entry.
    private List<byte[]> DataEntries(Exception exception, ExceptionPath path)
    {
        var entries = new List<byte[]>();
        foreach (DictionaryEntry entry in exception.Data)
        {
            if (_values.TryEncode(entry.Key, textFallback: false, path) is { } key
                && _values.TryEncode(entry.Value, textFallback: false, path) is { } value)
            {
                entries.Add([.. key, .. value]);
            }
        }

        return entries;
    }

    private List<byte[]> Properties(Exception exception, ExceptionPath path)
    {
        var entries = new List<byte[]>();
        foreach (var property in _properties.GetOrAdd(exception.GetType(), CapturedProperties))
        {
            object? value;
            try
            {
                value = property.GetValue(exception);
            }
            catch (TargetInvocationException)
            {
                continue; // a getter that throws has no value to carry
            }

            entries.Add([.. Name(property.Name), .. _values.TryEncode(value, textFallback: true, path)!]);
        }

        return entries;
    }

    // A RemoteException passed on carries the original's properties, which only arrived as text.
    private List<byte[]> RemoteProperties(RemoteException remote) =>
        [.. remote.Properties.Select(p => (byte[])[.. Name(p.Key), .. _values.EncodeText(p.Value)])];

    private static byte[] Name(string name)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(name);
        }

        return buffer.ToArray();
    }

    // Public instance properties declared below System.Exception; Exception's own travel in
    // their own fields, and an AggregateException's inner list travels as the inner records.
    private static PropertyInfo[] CapturedProperties(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0)
            .Where(p => !p.PropertyType.IsByRefLike && !p.PropertyType.IsPointer)
            .Where(p => !ExceptionOwnProperties.Contains(p.Name))
            .Where(p => !(p.Name == nameof(AggregateException.InnerExceptions) && typeof(AggregateException).IsAssignableFrom(type)))
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .Select(group => group.First())];
}
