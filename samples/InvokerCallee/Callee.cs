using System.Diagnostics;
using ActorIpc;

namespace InvokerCallee;

/// <summary>The worker's actor: every call has an answer or an error, and none blocks the others' process.</summary>
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
        Receive<Fail>(fail => throw new InvalidOperationException(fail.Reason));
    }
}
