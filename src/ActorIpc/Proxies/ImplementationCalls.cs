using System.Linq.Expressions;
using System.Reflection;

namespace ActorIpc;

/// <summary>
/// The publisher's calls of its implementation: one delegate per method, compiled once, that
/// unboxes the arguments, calls the interface method and turns what it returns into a
/// <see cref="ValueTask{TResult}"/> of the result (<see langword="null"/> for a method without
/// one), without allocating when the method completed synchronously.
/// </summary>
internal static class ImplementationCalls
{
    private static readonly MethodInfo FromTaskMethod = Adapter(nameof(FromTask));
    private static readonly MethodInfo FromTaskOfResultMethod = Adapter(nameof(FromTaskOfResult));
    private static readonly MethodInfo FromValueTaskMethod = Adapter(nameof(FromValueTask));
    private static readonly MethodInfo FromValueTaskOfResultMethod = Adapter(nameof(FromValueTaskOfResult));

    /// <summary>Compiles <c>(target, args, token) =&gt; Adapt(((TService)target).Method((T0)args[0], ..., token))</c>.</summary>
    public static Func<object, object?[], CancellationToken, ValueTask<object?>> Compile(ServiceMethod method)
    {
        var target = Expression.Parameter(typeof(object), "target");
        var arguments = Expression.Parameter(typeof(object?[]), "arguments");
        var token = Expression.Parameter(typeof(CancellationToken), "token");
        var parameters = method.Method.GetParameters();
        var values = new Expression[parameters.Length];
        for (var i = 0; i < method.ArgumentCount; i++)
        {
            values[i] = Expression.Convert(Expression.ArrayIndex(arguments, Expression.Constant(i)), parameters[i].ParameterType);
        }

        if (method.HasToken)
        {
            values[^1] = token;
        }

        var call = Expression.Call(Expression.Convert(target, method.Method.DeclaringType!), method.Method, values);
        var adapter = method.Kind switch
        {
            ReturnKind.Task => FromTaskMethod,
            ReturnKind.ValueTask => FromValueTaskMethod,
            ReturnKind.TaskOfResult => FromTaskOfResultMethod.MakeGenericMethod(method.ResultType!),
            _ => FromValueTaskOfResultMethod.MakeGenericMethod(method.ResultType!),
        };
        return Expression.Lambda<Func<object, object?[], CancellationToken, ValueTask<object?>>>(
            Expression.Call(adapter, call), target, arguments, token).Compile();
    }

    private static ValueTask<object?> FromTask(Task task)
    {
        return (task ?? throw NullTask()).IsCompletedSuccessfully ? default : AwaitAsync(task);

        static async ValueTask<object?> AwaitAsync(Task task)
        {
            await task.ConfigureAwait(false);
            return null;
        }
    }

    private static ValueTask<object?> FromTaskOfResult<T>(Task<T> task)
    {
        return (task ?? throw NullTask()).IsCompletedSuccessfully ? new ValueTask<object?>(task.Result) : AwaitAsync(task);

        static async ValueTask<object?> AwaitAsync(Task<T> task) => await task.ConfigureAwait(false);
    }

    private static ValueTask<object?> FromValueTask(ValueTask task)
    {
        if (task.IsCompletedSuccessfully)
        {
            // Consumed, as a ValueTask must be, before it is dropped.
            task.GetAwaiter().GetResult();
            return default;
        }

        return AwaitAsync(task);

        static async ValueTask<object?> AwaitAsync(ValueTask task)
        {
            await task.ConfigureAwait(false);
            return null;
        }
    }

    private static ValueTask<object?> FromValueTaskOfResult<T>(ValueTask<T> task)
    {
        return task.IsCompletedSuccessfully ? new ValueTask<object?>(task.Result) : AwaitAsync(task);

        static async ValueTask<object?> AwaitAsync(ValueTask<T> task) => await task.ConfigureAwait(false);
    }

    private static InvalidOperationException NullTask() =>
        new("the published object's method returned null instead of a task");

    private static MethodInfo Adapter(string name) =>
        typeof(ImplementationCalls).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!;
}
