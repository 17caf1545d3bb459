using System.Diagnostics;
using Akka.Actor;

namespace InvokerCallee;

/// <summary>The worker's actor: every call gets an answer, or the error that stopped it.</summary>
public sealed class Callee : ReceiveActor
{
    public Callee()
    {
        ReceiveAsync<Sleep>(async sleep =>
        {
            var started = Stopwatch.GetTimestamp();
            await Task.Delay(sleep.Milliseconds);
            Sender.Tell($"slept {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms");
        });
        Receive<Max>(max => Sender.Tell(max.Numbers.Max()));
        Receive<Fail>(fail =>
        {
            try
            {
                Process(fail);
            }
            catch (Exception e)
            {
                // The caller's invoker throws this exception itself: its type, message and stack intact.
                Sender.Tell(new Status.Failure(e));
            }
        });
    }

    private static void Process(Fail fail) => throw new InvalidOperationException(fail.Reason);
}
