using ActorIpc.Dispatch;

namespace ActorIpc;

/// <summary>
/// Async handlers: while a handler's task runs, the actor takes no user message (its mailbox is
/// suspended), and the handler's continuations run through the actor's mailbox as the actor.
/// </summary>
internal sealed partial class ActorCell
{
    public void RunAsyncHandler(Func<Task> handler, object message)
    {
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(Extras.SynchronizationContext ??= new ActorSynchronizationContext(this));
        Task task;
        try
        {
            task = handler();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        if (task.IsCompleted)
        {
            // Rethrows the handler's own exception, which fails the actor like a sync handler.
            task.GetAwaiter().GetResult();
            return;
        }

        Mailbox.Suspend();
        task.ContinueWith(
            static (finished, state) =>
            {
                var (cell, message) = ((ActorCell, object))state!;
                var failure = finished.IsFaulted
                    ? finished.Exception!.InnerExceptions.Count == 1 ? finished.Exception.InnerException : finished.Exception
                    : finished.IsCanceled ? new TaskCanceledException(finished) : null;
                cell.Self.SendSystemMessage(new AsyncHandlerCompleted(failure, message));
            },
            (this, message),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void RunContinuation(RunContinuation continuation)
    {
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(Extras.SynchronizationContext);
        try
        {
            continuation.Callback(continuation.State);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    private void AsyncHandlerFinished(AsyncHandlerCompleted completed)
    {
        Mailbox.Resume();
        if (completed.Failure is { } failure)
        {
            HandleInvokeFailure(failure, completed.Message);
        }
    }
}
