namespace WorkerPool;

/// <summary>One call: when it started and ended (<see cref="System.Diagnostics.Stopwatch"/> timestamps), and the worker process that answered or the exception it ended with.</summary>
public sealed record CallOutcome(long Started, long Ended, int? ProcessId, Exception? Error);
