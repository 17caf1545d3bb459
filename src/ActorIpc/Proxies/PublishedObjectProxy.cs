using System.Reflection;

namespace ActorIpc;

/// <summary>
/// The base of every proxy: <see cref="DispatchProxy"/> derives a type from it that implements the
/// interface, and hands each call here. Not sealed, for that reason.
/// </summary>
internal class PublishedObjectProxy : DispatchProxy
{
    private ProxyCaller? _caller;

    /// <summary>The proxy's interface and name, as <see cref="object.ToString"/> names the proxy.</summary>
    /// <returns>For example <c>proxy of MyApp.ICalculator published as 'calculator'</c>.</returns>
    public override string ToString() =>
        _caller is null ? base.ToString()! : $"proxy of {_caller.Service.Type.FullName} published as '{_caller.Key.Name}'";

    internal void Initialize(ProxyCaller caller) => _caller = caller;

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        return (_caller ?? throw new InvalidOperationException("the proxy is not initialized")).Invoke(targetMethod, args);
    }
}
