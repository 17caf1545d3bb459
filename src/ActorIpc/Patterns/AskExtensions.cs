namespace ActorIpc;

/// <summary>Request/response with actors: send a message and await the reply.</summary>
public static class AskExtensions
{
    /// <summary>
    /// Sends <paramref name="message"/> to <paramref name="target"/> with a temporary sender and
    /// completes with the first reply. Every Ask ends:
    /// <list type="bullet">
    /// <item>a reply of type <typeparamref name="TResult"/> completes it;</item>
    /// <item>a <see cref="Status.Failure"/> reply throws its original exception;</item>
    /// <item>a reply of another type throws <see cref="AskReplyTypeException"/> naming both types;</item>
    /// <item>no reply in time throws <see cref="AskTimeoutException"/> (target, message type, time waited, target alive);</item>
    /// <item>a message that could not be delivered throws <see cref="MessageNotDeliveredException"/> at once;</item>
    /// <item>cancellation cancels the task (an <see cref="OperationCanceledException"/>, never a timeout);</item>
    /// <item>an Ask still waiting when its actor system terminates throws <see cref="AskAbandonedException"/>.</item>
    /// </list>
    /// Many Asks may share one token (a service's stopping token): it is registered once per
    /// processor, not once per Ask.
    /// </summary>
    /// <param name="target">The actor to ask.</param>
    /// <param name="message">The request.</param>
    /// <param name="timeout">How long to wait; <c>actoripc.actor.ask-timeout</c> when null.
    /// <see cref="Timeout.InfiniteTimeSpan"/> is allowed only with a cancellable token.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public static Task<TResult> Ask<TResult>(this IActorRef target, object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(message);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<TResult>(cancellationToken);
        }

        var system = (target as IInternalActorRef)?.System ?? ActorCell.Current?.System;
        if (system is null)
        {
            return Task.FromException<TResult>(new MessageNotDeliveredException(target.Path, message.GetType(), "the target belongs to no actor system"));
        }

        var wait = CheckTimeout(timeout ?? system.Settings.AskTimeout, cancellationToken);
        var promise = new AskPromise<TResult>(system, target, message.GetType(), wait);
        if (wait != Timeout.InfiniteTimeSpan)
        {
            system.Wheel.Schedule(promise, wait);
        }

        if (cancellationToken.CanBeCanceled)
        {
            promise.CancelWith(cancellationToken);
        }

        target.Tell(message, promise);
        return promise.Task;
    }

    /// <summary>Like <see cref="Ask{TResult}"/>, completing with whatever the reply is.</summary>
    public static Task<object> Ask(this IActorRef target, object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        target.Ask<object>(message, timeout, cancellationToken);

    private static TimeSpan CheckTimeout(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return cancellationToken.CanBeCanceled
                ? timeout
                : throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "an Ask without a timeout needs a cancellable token: every Ask must end");
        }

        return timeout > TimeSpan.Zero
            ? timeout
            : throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "the Ask timeout must be positive");
    }
}
