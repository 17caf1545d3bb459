using ActorIpc;

namespace WorkerPool;

/// <summary>The keys every worker registers its callee under; the parent calls by them. Their settings are in worker-pool.conf.</summary>
public static class Keys
{
    /// <summary>Calls that are not sent twice: one in flight to a worker that dies fails.</summary>
    public static readonly ServiceKey<IPoolJob> Work = new("work");

    /// <summary>The same callees, for calls that may run twice: one in flight to a worker that dies is sent to the other.</summary>
    public static readonly ServiceKey<IPoolJob> WorkIdempotent = new("work-idempotent");
}
