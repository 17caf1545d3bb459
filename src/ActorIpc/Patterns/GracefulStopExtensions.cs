using ActorIpc.Dispatch;

namespace ActorIpc;

/// <summary>Stopping an actor and waiting for it to be gone.</summary>
public static class GracefulStopExtensions
{
    /// <summary>
    /// Sends <paramref name="stopMessage"/> (a <see cref="PoisonPill"/> by default, so queued
    /// messages are handled first) and completes with true once the actor has terminated, its
    /// children and <c>PostStop</c> included. Throws <see cref="AskTimeoutException"/> when it has
    /// not terminated within <paramref name="timeout"/>. Cancelling <paramref name="cancellationToken"/>
    /// stops the waiting (the stop message has been sent already).
    /// </summary>
    public static Task<bool> GracefulStop(this IActorRef target, TimeSpan timeout, object? stopMessage = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        if (target is not IInternalActorRef { System: { } system } internalTarget)
        {
            throw new ArgumentException($"{target} is not a reference of this runtime", nameof(target));
        }

        var stop = stopMessage ?? PoisonPill.Instance;
        var promise = new WatchPromise(system, internalTarget, stop.GetType());
        system.Wheel.Schedule(promise, timeout);
        internalTarget.SendSystemMessage(new Watch(internalTarget, promise));
        target.Tell(stop, promise);
        return cancellationToken.CanBeCanceled ? promise.Task.WaitAsync(cancellationToken) : promise.Task;
    }
}
