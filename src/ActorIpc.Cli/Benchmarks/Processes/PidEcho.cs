using Akka.Actor;

namespace ActorIpc.Cli.Benchmarks.Processes;

/// <summary>A worker's callee in the process benchmarks: answers every call with its process's id, so that the caller knows which replica served it.</summary>
internal sealed class PidEcho : ReceiveActor
{
    public PidEcho()
    {
        var processId = Environment.ProcessId;
        ReceiveAny(_ => Sender.Tell(processId, Self));
    }
}
