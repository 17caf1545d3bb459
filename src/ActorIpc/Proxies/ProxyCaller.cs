using System.Reflection;

namespace ActorIpc;

/// <summary>
/// What a proxy does with a call: encodes it (so that an argument not allowed here fails before
/// anything is sent), asks a publisher of the name through the <see cref="Invoker"/> (which picks
/// one, waits for one, times out, retries and reports as for any key), and turns the answer into
/// the method's result or exception.
/// </summary>
internal sealed class ProxyCaller(ServiceInterface service, ServiceKey<PublishedObjectCall> key, Invoker invoker, PublishedObjectCodec codec, TimeSpan? timeout)
{
    public ServiceInterface Service => service;

    public ServiceKey Key => key;

    /// <summary>A call of <paramref name="method"/> on the proxy: the task the method returns.</summary>
    public object Invoke(MethodInfo method, object?[]? args)
    {
        var found = service.Find(method);
        return found.Dispatch(this, found, args ?? []);
    }

    /// <summary>Calls <paramref name="method"/> with <paramref name="args"/> (the token last, when it takes one) on a publisher.</summary>
    public async Task<T> CallAsync<T>(ServiceMethod method, object?[] args)
    {
        var token = method.HasToken ? (CancellationToken)args[^1]! : CancellationToken.None;
        token.ThrowIfCancellationRequested();
        var arguments = method.HasToken ? args[..^1] : args;
        var call = PublishedObjectCall.Outgoing(method, service.WireName, arguments, codec.EncodeCall(service.WireName, method.Signature, arguments));

        var reply = await invoker.Ask<object>(key, call, timeout, token).ConfigureAwait(false);
        return reply switch
        {
            PublishedObjectResult { Error: { } error } => throw ProxyErrors.ResultNotRead(key.Name, method, error),
            PublishedObjectResult result => Result<T>(method, result.Value),
            PublishedObjectRefusal refusal => throw ProxyErrors.Refused(key.Name, service, method, refusal),
            _ => throw new InvalidOperationException($"a publisher of '{key.Name}' answered a call of {method.Display} with a {reply.GetType().FullName}"),
        };
    }

    private T Result<T>(ServiceMethod method, object? value) =>
        value is T result ? result
        : value is null && default(T) is null ? default!
        : throw new InvalidCastException(
            $"a publisher of '{key.Name}' answered a call of {method.Display} with a {value?.GetType().FullName ?? "null"}; the method returns {ServiceTypeNames.Display(method.Method.ReturnType)}");
}
