using System.Collections.Frozen;
using System.Reflection;

namespace ActorIpc;

/// <summary>
/// An interface a proxy can call and an object can be published as, checked and described once:
/// its name on the wire and its methods, by <see cref="MethodInfo"/> for the proxy and by
/// <see cref="ServiceMethod.Signature"/> for the publisher.
/// </summary>
internal sealed class ServiceInterface
{
    private readonly FrozenDictionary<MethodInfo, ServiceMethod> _byMethod;
    private readonly FrozenDictionary<string, ServiceMethod> _bySignature;

    private ServiceInterface(Type type, IReadOnlyList<ServiceMethod> methods)
    {
        Type = type;
        WireName = ServiceTypeNames.Wire(type);
        Methods = methods;
        _byMethod = methods.ToFrozenDictionary(m => m.Method);
        _bySignature = methods.ToFrozenDictionary(m => m.Signature, StringComparer.Ordinal);
    }

    public Type Type { get; }

    /// <summary>The interface's full name without assemblies, which a call carries and a publisher compares with its own.</summary>
    public string WireName { get; }

    public IReadOnlyList<ServiceMethod> Methods { get; }

    /// <summary>Checks <paramref name="type"/> and describes its methods.</summary>
    /// <param name="type">The <c>TService</c> of a proxy or a publication.</param>
    /// <returns>The description.</returns>
    /// <exception cref="ArgumentException"><paramref name="type"/> is not an interface, or has members a proxy cannot call; the message names each.</exception>
    public static ServiceInterface Inspect(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!type.IsInterface)
        {
            throw new ArgumentException(
                $"{type.FullName} is not an interface: an object is published as an interface, and a proxy implements one; declare one with the methods to call",
                "TService");
        }

        var refusals = ServiceShape.Refusals(type);
        if (refusals.Count > 0)
        {
            throw new ArgumentException(
                $"{type.FullName} cannot be published or called through a proxy: every method (those of the interfaces it inherits too) "
                + "must return Task, Task<T>, ValueTask or ValueTask<T> and take its parameters by value, with an optional CancellationToken last, "
                + $"and there can be no properties or events. Refused ({refusals.Count}):\n  - {string.Join("\n  - ", refusals)}\n",
                "TService");
        }

        var methods = ServiceShape.InterfacesOf(type)
            .SelectMany(declaring => declaring.GetMethods(ServiceShape.Members))
            .Select(method => new ServiceMethod(type, method))
            .ToArray();
        return new ServiceInterface(type, methods);
    }

    /// <summary>The method a proxy's call is for.</summary>
    /// <exception cref="NotSupportedException">The method is not one of the interface's (the proxy only calls those).</exception>
    public ServiceMethod Find(MethodInfo method) =>
        _byMethod.TryGetValue(method, out var found)
            ? found
            : throw new NotSupportedException($"{method.DeclaringType}.{method.Name} is not a method of {Type.FullName}");

    /// <summary>The method a call that arrived names, if this version of the interface has it.</summary>
    public bool TryFind(string signature, out ServiceMethod method) => _bySignature.TryGetValue(signature, out method!);
}
