namespace ActorIpc.Dispatch;

/// <summary>
/// Gives each actor a thread of its own, for actors that block (file or device I/O, native
/// calls): they cannot starve the thread pool the other actors share. The thread ends when the
/// actor stops.
/// </summary>
internal sealed class PinnedDispatcher(string id, int throughput, TimeSpan throughputDeadline) : MessageDispatcher(id, throughput, throughputDeadline)
{
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<Mailbox, PinnedThread> _threads = [];

    public override void Attach(Mailbox mailbox)
    {
        var thread = new PinnedThread(mailbox);
        _threads.Add(mailbox, thread);
        thread.Start();
    }

    public override void Schedule(Mailbox mailbox)
    {
        if (_threads.TryGetValue(mailbox, out var thread))
        {
            thread.Signal();
        }
    }

    public override void Detach(Mailbox mailbox)
    {
        if (_threads.TryGetValue(mailbox, out var thread))
        {
            _threads.Remove(mailbox);
            thread.Stop();
        }
    }

    private sealed class PinnedThread(Mailbox mailbox)
    {
        private readonly SemaphoreSlim _wake = new(0);
        private volatile bool _stopped;

        public void Start()
        {
            var thread = new Thread(Run)
            {
                IsBackground = true,
                Name = "actoripc-pinned",
            };
            thread.Start();
        }

        public void Signal() => _wake.Release();

        public void Stop()
        {
            _stopped = true;
            _wake.Release();
        }

        private void Run()
        {
            while (true)
            {
                _wake.Wait();
                if (_stopped)
                {
                    _wake.Dispose();
                    return;
                }

                mailbox.Execute();
            }
        }
    }
}
