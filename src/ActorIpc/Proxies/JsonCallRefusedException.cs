namespace ActorIpc;

/// <summary>
/// A publisher did not run a JSON call (<see cref="PublishedObjects.CallJsonAsync"/>): the name is
/// published as another interface, the interface has no method of that name and number of
/// arguments, several overloads have them, an argument does not convert to its parameter's type,
/// or the result could not be written as JSON. The message says which, naming the methods or the
/// parameter.
/// </summary>
public sealed class JsonCallRefusedException : ActorIpcException
{
    internal JsonCallRefusedException(string name, string method, string reason, string publisher, int publisherProcessId)
        : base($"the publisher {publisher} (process {publisherProcessId}) of '{name}' refused the JSON call of {method}: {reason}")
    {
        Name = name;
        Method = method;
        Reason = reason;
        Publisher = publisher;
        PublisherProcessId = publisherProcessId;
    }

    /// <summary>The name the object is published under.</summary>
    public string Name { get; }

    /// <summary>The method the call named.</summary>
    public string Method { get; }

    /// <summary>Why the publisher refused it.</summary>
    public string Reason { get; }

    /// <summary>The publisher's actor path, with its address.</summary>
    public string Publisher { get; }

    /// <summary>The operating-system process id of the publisher's node.</summary>
    public int PublisherProcessId { get; }
}
