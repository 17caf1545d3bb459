namespace ActorIpc;

/// <summary>How the invoker picks one of a key's callees for a call (<c>actoripc.invoker ... routing</c>).</summary>
public enum Routing
{
    /// <summary>Each in turn (<c>round-robin</c>).</summary>
    RoundRobin,

    /// <summary>The one with the fewest calls from this process in flight, in turn among equals (<c>least-in-flight</c>).</summary>
    LeastInFlight,
}
