namespace ActorIpc.Cli.Benchmarks.Processes;

/// <summary>What one SIGKILL of a replica under load did.</summary>
/// <param name="VictimPid">The process killed.</param>
/// <param name="ReplacementPid">The process that replaced it; <see langword="null"/> where nothing restarts it (Akka's baseline).</param>
/// <param name="ReroutedMs">
/// From the kill until no call went to the dead replica any more; <see langword="null"/> when that
/// had not happened by the end of the round.
/// </param>
/// <param name="RestartMs">From the kill until the replacement answered a call; <see langword="null"/> without one.</param>
/// <param name="Plain">The calls of the plain key: made, and failed.</param>
/// <param name="Idempotent">The calls of the idempotent key: made, and failed; <see langword="null"/> where there is no such key (Akka's baseline).</param>
/// <param name="FirstError">The first failed call's error, for the round's line.</param>
/// <param name="Supervisor">
/// What the fleet did meanwhile, in ms after the kill: it saw the process exit, started the
/// replacement's process, and saw it ready; <see langword="null"/> without a fleet.
/// </param>
internal sealed record KillRound(
    int VictimPid,
    int? ReplacementPid,
    double? ReroutedMs,
    double? RestartMs,
    (int Made, int Failed) Plain,
    (int Made, int Failed)? Idempotent,
    Exception? FirstError,
    (double ExitSeenMs, double StartedMs, double ReadyMs)? Supervisor = null)
{
    public static (int Made, int Failed) Count(CallRecord[] calls) => (calls.Length, calls.Count(c => c.Failed));

    public static Exception? FirstErrorOf(IEnumerable<CallRecord> calls) => calls.Where(c => c.Failed).MinBy(c => c.Ended)?.Error;
}
