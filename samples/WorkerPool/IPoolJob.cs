namespace WorkerPool;

/// <summary>What a worker's callee accepts: the protocol of <see cref="Keys.Work"/> and <see cref="Keys.WorkIdempotent"/>.</summary>
public interface IPoolJob;
