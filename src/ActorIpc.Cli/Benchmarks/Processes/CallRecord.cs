namespace ActorIpc.Cli.Benchmarks.Processes;

/// <summary>One call of a <see cref="PacedLoad"/>: when it started and ended (<see cref="System.Diagnostics.Stopwatch"/> timestamps), and the process that answered or the error it ended with.</summary>
/// <param name="Started">When it was made.</param>
/// <param name="Ended">When its answer or its error came.</param>
/// <param name="ProcessId">The answering process; 0 when it failed.</param>
/// <param name="Error">Why it failed; <see langword="null"/> when it was answered.</param>
internal sealed record CallRecord(long Started, long Ended, int ProcessId, Exception? Error)
{
    public bool Failed => Error is not null;
}
