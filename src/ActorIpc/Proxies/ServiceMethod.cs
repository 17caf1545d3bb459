using System.Reflection;

namespace ActorIpc;

/// <summary>
/// One method of a published object's interface, as both sides use it: its identity on the wire
/// (<see cref="Signature"/>), how a proxy turns a call into the task the method returns
/// (<see cref="Dispatch"/>), and, on the publisher's side, a compiled call of the implementation.
/// </summary>
internal sealed class ServiceMethod
{
    private readonly Lazy<Func<object, object?[], CancellationToken, ValueTask<object?>>> _implementation;

    public ServiceMethod(Type service, MethodInfo method)
    {
        Service = service;
        Method = method;
        Kind = ServiceShape.KindOf(method.ReturnType) ?? throw new ArgumentException($"{method} returns no task", nameof(method));
        ResultType = Kind is ReturnKind.TaskOfResult or ReturnKind.ValueTaskOfResult ? method.ReturnType.GetGenericArguments()[0] : null;
        var parameters = method.GetParameters();
        HasToken = parameters.Length > 0 && parameters[^1].ParameterType == typeof(CancellationToken);
        ArgumentCount = parameters.Length - (HasToken ? 1 : 0);

        // Overloads differ by their parameter types; a method an inherited interface declares is
        // named with that interface, as two of them may declare the same one. The return type is
        // part of it so that two versions of an interface that differ there do not meet.
        var declaring = method.DeclaringType!;
        var owner = declaring == service ? "" : ServiceTypeNames.Wire(declaring) + ".";
        Signature = $"{ServiceTypeNames.Wire(method.ReturnType)} {owner}{method.Name}({string.Join(",", parameters.Select(p => ServiceTypeNames.Wire(p.ParameterType)))})";
        Display = $"{ServiceTypeNames.Display(declaring)}.{method.Name}({string.Join(", ", parameters.Select(p => ServiceTypeNames.Display(p.ParameterType)))})";
        Dispatch = ProxyDispatch.For(Kind, ResultType);

        // Compiled on the publisher's first call of the method: a proxy never needs it.
        _implementation = new(() => ImplementationCalls.Compile(this));
    }

    /// <summary>The interface published or proxied (the method may be declared by one it inherits).</summary>
    public Type Service { get; }

    public MethodInfo Method { get; }

    public ReturnKind Kind { get; }

    /// <summary>The <c>T</c> of <c>Task&lt;T&gt;</c> or <c>ValueTask&lt;T&gt;</c>; <see langword="null"/> for the others.</summary>
    public Type? ResultType { get; }

    /// <summary>Whether the last parameter is a <see cref="CancellationToken"/>, which is not sent.</summary>
    public bool HasToken { get; }

    /// <summary>How many arguments a call sends: the parameters but the token.</summary>
    public int ArgumentCount { get; }

    /// <summary>The method's identity on the wire: <c>System.Threading.Tasks.Task`1[System.Int32] Add(System.Int32,System.Int32)</c>.</summary>
    public string Signature { get; }

    /// <summary>The method as errors name it: <c>ICalculator.Add(int, int)</c>.</summary>
    public string Display { get; }

    /// <summary>Makes the task a proxy's method returns for a call with these arguments.</summary>
    public Func<ProxyCaller, ServiceMethod, object?[], object> Dispatch { get; }

    /// <summary>Calls the method on <paramref name="target"/> and hands back its result, or <see langword="null"/> for a method without one.</summary>
    /// <param name="target">The published implementation.</param>
    /// <param name="arguments">The arguments that were sent, without the token.</param>
    /// <param name="token">Passed as the method's <see cref="CancellationToken"/>, when it takes one.</param>
    /// <returns>The method's outcome; an exception it throws before it returns a task is thrown here.</returns>
    public ValueTask<object?> Invoke(object target, object?[] arguments, CancellationToken token) =>
        _implementation.Value(target, arguments, token);
}
