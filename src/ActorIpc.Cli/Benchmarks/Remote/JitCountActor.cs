namespace ActorIpc.Cli.Benchmarks.Remote;

/// <summary>
/// The node's report of its JIT: answers any message with how many methods the node process
/// has compiled so far, so that the bench process warms up until both processes stop compiling
/// (see <see cref="WarmUp"/>).
/// </summary>
internal sealed class JitCountActor : ActorBase
{
    protected override void OnReceive(object message) => Sender.Tell(WarmUp.Compiled(), Self);
}
