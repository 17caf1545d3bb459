using System.Runtime.Serialization;
using ActorIpc.Serialization;

namespace ActorIpc;

/// <summary>The exceptions a proxy's call throws when a publisher refused it or its result could not be read here.</summary>
internal static class ProxyErrors
{
    /// <summary>The result arrived but did not deserialize here: a type this process does not allow, say.</summary>
    public static Exception ResultNotRead(string name, ServiceMethod method, Exception error) =>
        error is TypeNotAllowedException refused
            ? new TypeNotAllowedException(refused.TypeName, refused.Sender, $"the result of a call of {method.Display} on '{name}' was refused here: {refused.Message}")
            : new SerializationException($"the result of a call of {method.Display} on '{name}' could not be read here: {error.Message}", error);

    /// <summary>The publisher did not call its implementation, and said why.</summary>
    public static Exception Refused(string name, ServiceInterface service, ServiceMethod method, PublishedObjectRefusal refusal)
    {
        var publisher = $"{refusal.Publisher} (process {refusal.ProcessId})";
        return refusal.Kind switch
        {
            RefusalKind.OtherInterface => new PublishedObjectMismatchException(name, refusal.PublishedService, service.WireName, null, refusal.Publisher, refusal.ProcessId),
            RefusalKind.NoSuchMethod => new PublishedObjectMismatchException(name, refusal.PublishedService, service.WireName, method.Display, refusal.Publisher, refusal.ProcessId),
            RefusalKind.ArgumentRefused => NotAllowed(refusal, $"the publisher {publisher} of '{name}' refused the arguments of a call of {method.Display}: {refusal.Detail}"),
            _ => NotAllowed(refusal, $"the publisher {publisher} of '{name}' could not send the result of a call of {method.Display}: {refusal.Detail}"),
        };
    }

    private static Exception NotAllowed(PublishedObjectRefusal refusal, string message) =>
        refusal.TypeName is { } type ? new TypeNotAllowedException(type, null, message) : new SerializationException(message);
}
