using Akka.Actor;

namespace ActorIpc;

/// <summary>Why a node shut down: <c>actoripc stop</c> asked its fleet's control socket to stop.</summary>
internal sealed class ControlStopReason : CoordinatedShutdown.Reason
{
    private ControlStopReason()
    {
    }

    public static ControlStopReason Instance { get; } = new();

    /// <summary>0: stopping when asked is a normal end.</summary>
    public override int ExitCode => 0;

    public override string ToString() => "asked on its control socket";
}
