namespace WorkerPool;

/// <summary>A worker's answer: who did the job (its replica and process) and the result.</summary>
public sealed record JobDone(int Worker, int ProcessId, int Result);
