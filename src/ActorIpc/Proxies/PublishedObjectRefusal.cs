namespace ActorIpc;

/// <summary>
/// A publisher's answer to a call it could not serve; the proxy turns it into an exception
/// that names the call, the name and the publisher.
/// </summary>
/// <param name="Kind">Why.</param>
/// <param name="PublishedService">The full name of the interface the object is published as.</param>
/// <param name="TypeName">The type that was not allowed, for <see cref="RefusalKind.ArgumentRefused"/> and <see cref="RefusalKind.ResultRefused"/>, when known.</param>
/// <param name="Detail">The publisher's explanation: its serializer's message.</param>
/// <param name="Publisher">The publisher's actor path with its address.</param>
/// <param name="ProcessId">The publisher's operating-system process id.</param>
internal sealed record PublishedObjectRefusal(RefusalKind Kind, string PublishedService, string? TypeName, string Detail, string Publisher, int ProcessId);
