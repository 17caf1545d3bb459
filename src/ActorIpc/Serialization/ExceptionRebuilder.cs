using System.Reflection;
using System.Runtime.ExceptionServices;

namespace ActorIpc.Serialization;

/// <summary>
/// Turns an arrived exception record into an exception: of its own type when that type is allowed
/// (<c>exception-types</c>, <c>allowed-types</c> or <c>system-types</c>), loads here, derives from
/// <see cref="Exception"/> and can be constructed; otherwise a <see cref="RemoteException"/> that
/// carries the same as text. Either way with the remote stack trace, Source, HResult and the
/// <see cref="Exception.Data"/> entries that arrived. Never <see langword="null"/>.
/// </summary>
internal sealed class ExceptionRebuilder
{
    // HResult has a protected setter only.
    private static readonly PropertyInfo HResultProperty = typeof(Exception).GetProperty(nameof(Exception.HResult))!;

    private readonly TypeAllowList _allowedTypes;

    /// <summary>Creates the rebuilder.</summary>
    /// <param name="allowedTypes">The exception types that are re-created as themselves.</param>
    public ExceptionRebuilder(TypeAllowList allowedTypes) => _allowedTypes = allowedTypes;

    /// <summary>Re-creates <paramref name="record"/> and its inner exceptions.</summary>
    /// <param name="record">What arrived.</param>
    /// <returns>The exception.</returns>
    public Exception Rebuild(ExceptionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var inners = record.InnerExceptions.Select(Rebuild).ToArray();
        var properties = record.Properties
            .Select(p => new KeyValuePair<string, WireValue>(p.Key, WithExceptionsRebuilt(p.Value)))
            .ToArray();
        var exception = TryRecreate(record, inners, properties) ?? ToRemote(record, inners);

        if (record.Source is not null)
        {
            exception.Source = record.Source;
        }

        foreach (var (key, value) in record.Data)
        {
            AddData(exception, WithExceptionsRebuilt(key), WithExceptionsRebuilt(value));
        }

        return exception;
    }

    private WireValue WithExceptionsRebuilt(WireValue value) =>
        value.Value is ExceptionRecord nested ? value with { Value = Rebuild(nested) } : value;

    private Exception? TryRecreate(ExceptionRecord record, Exception[] inners, KeyValuePair<string, WireValue>[] properties)
    {
        // Loaded only once allowed: loading a type by name may load its assembly.
        if (!_allowedTypes.IsAllowed(record.TypeName) || Load(record.TypeName) is not { } type)
        {
            return null;
        }

        if (!typeof(Exception).IsAssignableFrom(type) || type.IsAbstract || type.ContainsGenericParameters)
        {
            return null;
        }

        try
        {
            var exception = ExceptionActivator.Create(type, record.Message, inners, properties);
            if (exception.HResult != record.HResult)
            {
                HResultProperty.SetValue(exception, record.HResult);
            }

            if (!string.IsNullOrEmpty(record.StackTrace))
            {
                // Shown as the remote part of StackTrace, before the frames of wherever it is rethrown.
                ExceptionDispatchInfo.SetRemoteStackTrace(exception, record.StackTrace);
            }

            return exception;
        }
        catch (Exception e) when (e is TargetInvocationException or TypeInitializationException or MemberAccessException
            or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            return null; // the type would not be constructed: the RemoteException carries it
        }
    }

    private static Type? Load(string qualifiedName)
    {
        try
        {
            return Type.GetType(qualifiedName, throwOnError: false);
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or TypeLoadException or ArgumentException)
        {
            return null;
        }
    }

    private static RemoteException ToRemote(ExceptionRecord record, Exception[] inners)
    {
        var properties = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value) in record.Properties)
        {
            properties.TryAdd(name, value.Text);
        }

        var remote = new RemoteException(record.DisplayTypeName, record.DisplayMessage, record.StackTrace, properties, inners.FirstOrDefault())
        {
            QualifiedRemoteType = record.TypeName,
            RawRemoteMessage = record.Message,
        };
        HResultProperty.SetValue(remote, record.HResult);
        return remote;
    }

    private static object? Plain(object? value) => value is WireEnum wireEnum ? wireEnum.Name : value;

    private static void AddData(Exception exception, WireValue key, WireValue value)
    {
        if (!key.IsAvailable || key.Value is null || !value.IsAvailable)
        {
            return;
        }

        try
        {
            // An enum's type is unknown here (Data is untyped): its name stands in for it.
            exception.Data[Plain(key.Value)!] = Plain(value.Value);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            // An exception type whose Data refuses the entry keeps the others.
        }
    }
}
