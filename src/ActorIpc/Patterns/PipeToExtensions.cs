namespace ActorIpc;

/// <summary>Sends the outcome of a task to an actor when it completes, so actors never block on tasks.</summary>
public static class PipeToExtensions
{
    /// <summary>
    /// When <paramref name="task"/> completes, tells <paramref name="recipient"/> its result
    /// (mapped by <paramref name="success"/>) or a <see cref="Status.Failure"/> with its exception
    /// (mapped by <paramref name="failure"/>). A cancelled task counts as a failure with a
    /// <see cref="TaskCanceledException"/>.
    /// </summary>
    public static Task PipeTo<T>(this Task<T> task, IActorRef recipient, IActorRef? sender = null, Func<T, object>? success = null, Func<Exception, object>? failure = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        return Pipe(task, recipient, sender, done => success is null ? ((Task<T>)done).Result! : success(((Task<T>)done).Result), failure);
    }

    /// <summary>
    /// When <paramref name="task"/> completes, tells <paramref name="recipient"/>
    /// <paramref name="success"/>'s message (a <see cref="Status.Success"/> by default) or a
    /// <see cref="Status.Failure"/> (mapped by <paramref name="failure"/>).
    /// </summary>
    public static Task PipeTo(this Task task, IActorRef recipient, IActorRef? sender = null, Func<object>? success = null, Func<Exception, object>? failure = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        return Pipe(task, recipient, sender, _ => success is null ? new Status.Success(null) : success(), failure);
    }

    private static Task Pipe(Task task, IActorRef recipient, IActorRef? sender, Func<Task, object> onSuccess, Func<Exception, object>? failure)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        return task.ContinueWith(
            done =>
            {
                if (done.IsCompletedSuccessfully)
                {
                    recipient.Tell(onSuccess(done), sender);
                    return;
                }

                var error = done.IsCanceled
                    ? new TaskCanceledException(done)
                    : done.Exception!.InnerExceptions.Count == 1 ? done.Exception.InnerException! : done.Exception;
                recipient.Tell(failure is null ? new Status.Failure(error) : failure(error), sender);
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }
}
