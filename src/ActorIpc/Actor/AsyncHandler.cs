namespace ActorIpc;

/// <summary>An async handler: the actor waits for its task before taking the next message.</summary>
internal sealed class AsyncHandler<T>(ActorCell cell, Func<T, Task> handler, Predicate<T>? shouldHandle) : MessageHandler
{
    public override bool TryHandle(object message)
    {
        if (message is T typed && (shouldHandle is null || shouldHandle(typed)))
        {
            cell.RunAsyncHandler(() => handler(typed), message);
            return true;
        }

        return false;
    }
}
