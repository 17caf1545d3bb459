using Akka.Actor;

namespace ActorIpc.Hosting;

/// <summary>Why a supervised node shut down: its parent closed its standard input (asked it to stop, or died).</summary>
public sealed class ParentClosedInputReason : CoordinatedShutdown.Reason
{
    private ParentClosedInputReason()
    {
    }

    /// <summary>The reason.</summary>
    public static ParentClosedInputReason Instance { get; } = new();

    /// <summary>0: stopping when the parent asks is a normal end.</summary>
    public override int ExitCode => 0;
}
