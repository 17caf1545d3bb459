namespace ActorIpc;

/// <summary>The <c>/user</c> and <c>/system</c> guardians: parents of top-level actors, with no behavior of their own.</summary>
internal sealed class GuardianActor : ActorBase
{
    protected override void OnReceive(object message) => Unhandled(message);
}
