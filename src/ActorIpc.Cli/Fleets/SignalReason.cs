using System.Runtime.InteropServices;
using Akka.Actor;

namespace ActorIpc.Cli.Fleets;

/// <summary>Why <c>actoripc run</c> shut its node down: it received SIGINT or SIGTERM.</summary>
internal sealed class SignalReason(PosixSignal signal) : CoordinatedShutdown.Reason
{
    public PosixSignal Signal { get; } = signal;

    /// <summary>0: a fleet stopped in order when asked has ended normally.</summary>
    public override int ExitCode => 0;

    public override string ToString() => Signal.ToString();
}
