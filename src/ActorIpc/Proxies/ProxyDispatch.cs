using System.Reflection;

namespace ActorIpc;

/// <summary>
/// Turns a proxy's call into the task its method returns, by the method's <see cref="ReturnKind"/>:
/// one generic function per result type, bound once per method, so that a call runs one async
/// method of the result's own type and boxes nothing but the arguments.
/// </summary>
internal static class ProxyDispatch
{
    /// <summary>The dispatch of a method of <paramref name="kind"/> whose result is <paramref name="resultType"/>.</summary>
    public static Func<ProxyCaller, ServiceMethod, object?[], object> For(ReturnKind kind, Type? resultType) => kind switch
    {
        ReturnKind.Task => static (caller, method, args) => caller.CallAsync<object?>(method, args),
        ReturnKind.ValueTask => static (caller, method, args) => new ValueTask(caller.CallAsync<object?>(method, args)),
        ReturnKind.TaskOfResult => Bind(nameof(TaskOfResult), resultType!),
        _ => Bind(nameof(ValueTaskOfResult), resultType!),
    };

    private static object TaskOfResult<T>(ProxyCaller caller, ServiceMethod method, object?[] args) =>
        caller.CallAsync<T>(method, args);

    private static object ValueTaskOfResult<T>(ProxyCaller caller, ServiceMethod method, object?[] args) =>
        new ValueTask<T>(caller.CallAsync<T>(method, args));

    private static Func<ProxyCaller, ServiceMethod, object?[], object> Bind(string name, Type resultType) =>
        typeof(ProxyDispatch).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(resultType)
            .CreateDelegate<Func<ProxyCaller, ServiceMethod, object?[], object>>();
}
