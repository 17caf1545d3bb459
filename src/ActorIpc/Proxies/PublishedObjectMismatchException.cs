namespace ActorIpc;

/// <summary>
/// A proxy called a name whose publisher serves another interface, or another version of the same
/// interface that lacks the method called. The implementation was not called.
/// </summary>
public sealed class PublishedObjectMismatchException : ActorIpcException
{
    internal PublishedObjectMismatchException(string name, string publishedService, string proxyService, string? method, string publisher, int publisherProcessId)
        : base(method is null
            ? $"'{name}' is published as {publishedService} by {publisher} (process {publisherProcessId}); a proxy of {proxyService} cannot call it: "
              + "the publisher and the proxy must use the same interface"
            : $"'{name}' is published as {publishedService} by {publisher} (process {publisherProcessId}), whose version of the interface has no method {method}: "
              + "the proxy's and the publisher's interfaces differ")
    {
        Name = name;
        PublishedService = publishedService;
        ProxyService = proxyService;
        Method = method;
        Publisher = publisher;
        PublisherProcessId = publisherProcessId;
    }

    /// <summary>The name the proxy calls.</summary>
    public string Name { get; }

    /// <summary>The full name of the interface the object is published as.</summary>
    public string PublishedService { get; }

    /// <summary>The full name of the proxy's interface.</summary>
    public string ProxyService { get; }

    /// <summary>The method the publisher lacks, e.g. <c>ICalculator.Add(int, int)</c>; <see langword="null"/> when the interfaces differ.</summary>
    public string? Method { get; }

    /// <summary>The publisher's actor path, with its address.</summary>
    public string Publisher { get; }

    /// <summary>The operating-system process id of the publisher's node.</summary>
    public int PublisherProcessId { get; }
}
