namespace ActorIpc;

/// <summary>
/// A proxy's call of a published object's method: the protocol of the name's
/// <see cref="ServiceKey{TProtocol}"/>. The caller encodes it as it makes it (<see cref="Payload"/>),
/// so that an argument its configuration does not allow fails the call before anything is sent;
/// within one process the publisher takes the arguments as they are.
/// </summary>
internal sealed class PublishedObjectCall : IDescribedCall
{
    private PublishedObjectCall(string service, string method, object?[] arguments, byte[]? payload, Exception? argumentError, ServiceMethod? source)
    {
        Service = service;
        Method = method;
        Arguments = arguments;
        Payload = payload;
        ArgumentError = argumentError;
        Source = source;
    }

    /// <summary>The full name of the proxy's interface (<see cref="ServiceInterface.WireName"/>).</summary>
    public string Service { get; }

    /// <summary>The method's <see cref="ServiceMethod.Signature"/>.</summary>
    public string Method { get; }

    /// <summary>The arguments, without the cancellation token.</summary>
    public object?[] Arguments { get; }

    /// <summary>The call as <see cref="PublishedObjectSerializer"/> writes it, made by the caller; <see langword="null"/> for a call that arrived.</summary>
    public byte[]? Payload { get; }

    /// <summary>Why an argument did not deserialize where the call arrived (a type not allowed there); the publisher refuses the call with it.</summary>
    public Exception? ArgumentError { get; }

    /// <summary>The caller's method, for the invoker's errors; <see langword="null"/> for a call that arrived.</summary>
    public ServiceMethod? Source { get; }

    Type IDescribedCall.CallType => Source?.Service ?? typeof(PublishedObjectCall);

    string IDescribedCall.CallText => $"call of {Source?.Display ?? Method}";

    /// <summary>A call as a proxy makes it.</summary>
    public static PublishedObjectCall Outgoing(ServiceMethod method, string service, object?[] arguments, byte[] payload) =>
        new(service, method.Signature, arguments, payload, argumentError: null, method);

    /// <summary>A call as it arrived from another process.</summary>
    public static PublishedObjectCall Arrived(string service, string method, object?[] arguments, Exception? argumentError) =>
        new(service, method, arguments, payload: null, argumentError, source: null);
}
