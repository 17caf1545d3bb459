namespace ActorIpc.Configuration;

/// <summary>One dispatcher of <c>actoripc.actor.dispatchers</c>.</summary>
/// <param name="Id">The dispatcher's id.</param>
/// <param name="Pinned">True for one dedicated thread per actor; false for the shared thread pool.</param>
/// <param name="Throughput">Messages an actor handles per turn.</param>
internal sealed record DispatcherSettings(string Id, bool Pinned, int Throughput);
