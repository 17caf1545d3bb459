namespace WorkerPool;

/// <summary>A small CPU-bound job: count the primes below <paramref name="Below"/>.</summary>
public sealed record CountPrimes(int Below) : IPoolJob;
