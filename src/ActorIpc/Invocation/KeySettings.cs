namespace ActorIpc;

/// <summary>How the invoker calls one key (<c>actoripc.invoker.default</c>, or <c>actoripc.invoker.keys."NAME"</c> over it).</summary>
/// <param name="Timeout">How long a call waits for a callee and its reply when it names no timeout.</param>
/// <param name="Routing">How a callee is picked.</param>
/// <param name="Idempotent">Whether a call may be sent again, to another callee, when the first one's process goes away or it does not answer in time.</param>
/// <param name="Tries">How many callees an idempotent call tries at most (1: no retry).</param>
public sealed record KeySettings(TimeSpan Timeout, Routing Routing, bool Idempotent, int Tries);
