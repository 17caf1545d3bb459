using ActorIpc;

namespace InvokerCallee;

/// <summary>The keys both processes share: the worker registers its callee under one, the parent calls by it.</summary>
public static class Keys
{
    /// <summary>The worker's callee; its timeout is set in invoker-callee.conf.</summary>
    public static readonly ServiceKey<ICalleeCall> Callee = new("callee");
}
