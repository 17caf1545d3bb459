namespace ActorIpc.Dispatch;

/// <summary>
/// The default dispatcher: mailboxes run as work items on the shared .NET thread pool. The
/// mailbox is itself the work item, so scheduling allocates nothing.
/// </summary>
internal sealed class ThreadPoolDispatcher(string id, int throughput, TimeSpan throughputDeadline) : MessageDispatcher(id, throughput, throughputDeadline)
{
    public override bool RunsOnAnyThread => true;

    public override void Schedule(Mailbox mailbox) =>
        ThreadPool.UnsafeQueueUserWorkItem(mailbox, preferLocal: false);
}
