namespace ActorIpc.Configuration;

/// <summary>One dispatcher of <c>actoripc.actor.dispatchers</c>.</summary>
/// <param name="Id">The dispatcher's id.</param>
/// <param name="Pinned">True for one dedicated thread per actor; false for the shared thread pool.</param>
/// <param name="Throughput">Messages an actor handles per turn.</param>
/// <param name="ThroughputDeadline">How long a turn may last before the actor gives up its thread; zero for no limit.</param>
internal sealed record DispatcherSettings(string Id, bool Pinned, int Throughput, TimeSpan ThroughputDeadline);
