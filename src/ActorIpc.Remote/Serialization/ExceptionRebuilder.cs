using System.Reflection;
using System.Runtime.ExceptionServices;

namespace ActorIpc.Remote.Serialization;

/// <summary>
/// Rebuilds a remote exception as its own type when that type is allowed (a standard exception,
/// an ActorIpc exception or a type allowed by configuration) and has a public
/// <c>(string, Exception)</c> constructor, or a <c>(string)</c> one when there is no inner exception
/// to keep; otherwise as a <see cref="RemoteException"/>. Either way the remote stack trace shows in
/// <see cref="Exception.StackTrace"/> and in <see cref="Exception.Data"/>.
/// </summary>
internal sealed class ExceptionRebuilder
{
    // HResult has a protected setter; the remote value is worth keeping for interop-minded callers.
    private static readonly MethodInfo? HResultSetter = typeof(Exception).GetProperty(nameof(Exception.HResult))?.GetSetMethod(nonPublic: true);

    private readonly ManifestResolver _resolver;

    public ExceptionRebuilder(ManifestResolver resolver)
    {
        _resolver = resolver;
    }

    public Exception Rebuild(RemoteExceptionInfo info, Exception? inner, SerializationContext context)
    {
        var exception = _resolver.ResolveException(info.TypeName) is { } type ? TryConstruct(type, info.Message, inner) : null;
        if (exception is null)
        {
            exception = new RemoteException(info.TypeName, info.Message, info.StackTrace, context.RemoteAddress, inner);
        }
        else
        {
            if (!string.IsNullOrEmpty(info.StackTrace))
            {
                exception.Data[RemoteException.RemoteStackTraceKey] = info.StackTrace;

                // Freshly constructed and never thrown, so the runtime accepts a remote stack: it then leads StackTrace and ToString.
                ExceptionDispatchInfo.SetRemoteStackTrace(exception, info.StackTrace);
            }

            if (context.RemoteAddress is { } address)
            {
                exception.Data[RemoteException.RemoteAddressKey] = address.ToString();
            }
        }

        foreach (var (key, value) in info.Data)
        {
            exception.Data[key] = value;
        }

        HResultSetter?.Invoke(exception, [info.HResult]);
        return exception;
    }

    private static Exception? TryConstruct(Type type, string message, Exception? inner)
    {
        if (type.IsAbstract || type.ContainsGenericParameters)
        {
            return null;
        }

        try
        {
            if (type.GetConstructor([typeof(string), typeof(Exception)]) is { } withInner)
            {
                return (Exception)withInner.Invoke([message, inner]);
            }

            // Without a constructor taking the inner exception it would be lost: keep everything in a RemoteException instead.
            return inner is null && type.GetConstructor([typeof(string)]) is { } withMessage
                ? (Exception)withMessage.Invoke([message])
                : null;
        }
        catch (Exception e) when (e is TargetInvocationException or MemberAccessException or ArgumentException)
        {
            // The exception's own constructor refused the message: the RemoteException fallback still reports it.
            return null;
        }
    }
}
