using System.Reflection;

namespace ActorIpc;

/// <summary>
/// Which interfaces a proxy can call and an object can be published as: every method, the
/// inherited interfaces' included, returns <see cref="Task"/>, <see cref="Task{TResult}"/>,
/// <see cref="ValueTask"/> or <see cref="ValueTask{TResult}"/>, is not generic, and takes its
/// parameters by value, with an optional <see cref="CancellationToken"/> last; there are no
/// properties or events (a property read would have to block on the other process).
/// </summary>
internal static class ServiceShape
{
    public const BindingFlags Members = BindingFlags.Public | BindingFlags.Instance;

    /// <summary>The interface and those it inherits, the interface first.</summary>
    public static IEnumerable<Type> InterfacesOf(Type service) => [service, .. service.GetInterfaces()];

    /// <summary>What the methods return, or <see langword="null"/> when a proxy cannot call it.</summary>
    public static ReturnKind? KindOf(Type returnType)
    {
        if (returnType == typeof(Task))
        {
            return ReturnKind.Task;
        }

        if (returnType == typeof(ValueTask))
        {
            return ReturnKind.ValueTask;
        }

        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() is var definition)
        {
            return definition == typeof(Task<>) ? ReturnKind.TaskOfResult
                : definition == typeof(ValueTask<>) ? ReturnKind.ValueTaskOfResult
                : null;
        }

        return null;
    }

    /// <summary>The members of <paramref name="service"/> and its inherited interfaces that a proxy cannot call, each with the reason.</summary>
    /// <param name="service">An interface.</param>
    /// <returns>One line per refused member; empty when the interface can be proxied.</returns>
    public static IReadOnlyList<string> Refusals(Type service)
    {
        var refusals = new List<string>();
        foreach (var declaring in InterfacesOf(service))
        {
            var owner = ServiceTypeNames.Display(declaring);
            foreach (var property in declaring.GetProperties(Members))
            {
                refusals.Add(property.GetIndexParameters().Length > 0
                    ? $"indexer {ServiceTypeNames.Display(property.PropertyType)} {owner}.this[{string.Join(", ", property.GetIndexParameters().Select(p => ServiceTypeNames.Display(p.ParameterType)))}]: a proxy has methods only"
                    : $"property {ServiceTypeNames.Display(property.PropertyType)} {owner}.{property.Name}: a proxy has methods only");
            }

            foreach (var @event in declaring.GetEvents(Members))
            {
                refusals.Add($"event {ServiceTypeNames.Display(@event.EventHandlerType!)} {owner}.{@event.Name}: a proxy has methods only");
            }

            foreach (var method in declaring.GetMethods(Members))
            {
                if (!method.IsSpecialName && Refusal(method) is { } reason)
                {
                    refusals.Add($"{Describe(method)}: {reason}");
                }
            }
        }

        return refusals;
    }

    /// <summary>A method as a refusal names it: <c>int ICalculator.Add(int a, out int b)</c>.</summary>
    private static string Describe(MethodInfo method)
    {
        var generic = method.IsGenericMethodDefinition ? "<" + string.Join(", ", method.GetGenericArguments().Select(a => a.Name)) + ">" : "";
        var parameters = method.GetParameters().Select(p => $"{Modifier(p)}{ServiceTypeNames.Display(p.ParameterType)} {p.Name}");
        return $"{ServiceTypeNames.Display(method.ReturnType)} {ServiceTypeNames.Display(method.DeclaringType!)}.{method.Name}{generic}({string.Join(", ", parameters)})";
    }

    private static string? Refusal(MethodInfo method)
    {
        var reasons = new List<string>();
        if (KindOf(method.ReturnType) is null)
        {
            reasons.Add(method.ReturnType == typeof(void)
                ? "returns void: a call must be awaited, return Task or ValueTask"
                : $"returns {ServiceTypeNames.Display(method.ReturnType)}, not Task, Task<T>, ValueTask or ValueTask<T>");
        }

        if (method.IsGenericMethodDefinition)
        {
            reasons.Add("a generic method (its type arguments cannot be chosen across processes)");
        }

        var parameters = method.GetParameters();
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            var type = parameter.ParameterType;
            if (type.IsByRef)
            {
                reasons.Add($"parameter '{parameter.Name}' is {Modifier(parameter).TrimEnd()} (parameters are passed by value)");
            }
            else if (type.IsPointer || type.IsFunctionPointer)
            {
                reasons.Add($"parameter '{parameter.Name}' is a pointer");
            }
            else if (type.IsByRefLike)
            {
                reasons.Add($"parameter '{parameter.Name}' is a ref struct ({ServiceTypeNames.Display(type)}), which cannot leave the stack");
            }
            else if (type == typeof(CancellationToken) && i != parameters.Length - 1)
            {
                reasons.Add($"CancellationToken '{parameter.Name}' is not the last parameter");
            }
        }

        return reasons.Count == 0 ? null : string.Join("; ", reasons);
    }

    private static string Modifier(ParameterInfo parameter) =>
        !parameter.ParameterType.IsByRef ? ""
        : parameter.IsOut ? "out "
        : parameter.IsIn ? "in "
        : "ref ";
}
