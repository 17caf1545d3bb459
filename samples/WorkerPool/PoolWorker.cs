using Akka.Actor;

namespace WorkerPool;

/// <summary>A worker's callee: does each job and says who did it.</summary>
public sealed class PoolWorker : ReceiveActor
{
    public PoolWorker(int worker)
    {
        var processId = Environment.ProcessId;
        Receive<CountPrimes>(job => Sender.Tell(new JobDone(worker, processId, Count(job.Below))));
    }

    private static int Count(int below)
    {
        var count = 0;
        for (var n = 2; n < below; n++)
        {
            var prime = true;
            for (var d = 2; d * d <= n && prime; d++)
            {
                prime = n % d != 0;
            }

            count += prime ? 1 : 0;
        }

        return count;
    }
}
