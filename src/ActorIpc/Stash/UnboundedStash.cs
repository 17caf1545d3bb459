using ActorIpc.Dispatch;

namespace ActorIpc;

/// <summary>The stash of one actor, used only from the actor's thread.</summary>
internal sealed class UnboundedStash(ActorCell cell) : IStash
{
    private readonly List<Envelope> _kept = [];

    public int Count => _kept.Count;

    public void Stash()
    {
        var current = cell.CurrentEnvelope;
        if (current.Message is null)
        {
            throw new InvalidOperationException("Stash() is called while handling a message; there is none now.");
        }

        if (_kept.Count > 0 && ReferenceEquals(_kept[^1].Message, current.Message) && ReferenceEquals(_kept[^1].Sender, current.Sender))
        {
            throw new InvalidOperationException($"The message of type {current.Message.GetType().Name} is already stashed; a message can be stashed once.");
        }

        _kept.Add(current);
    }

    public void Unstash()
    {
        if (_kept.Count == 0)
        {
            return;
        }

        var first = _kept[0];
        _kept.RemoveAt(0);
        cell.Mailbox.Prepend([first]);
    }

    public void UnstashAll()
    {
        if (_kept.Count == 0)
        {
            return;
        }

        var all = _kept.ToArray();
        _kept.Clear();
        cell.Mailbox.Prepend(all);
    }

    public IReadOnlyList<object> ClearStash()
    {
        var messages = _kept.Select(e => e.Message).ToArray();
        _kept.Clear();
        return messages;
    }

    /// <summary>On stop: what is still kept is undeliverable.</summary>
    public void DropAllToDeadLetters()
    {
        foreach (var envelope in _kept)
        {
            cell.System.DeadLetters.Deliver(envelope, cell.Self, DeadLetterReasons.Stopped);
        }

        _kept.Clear();
    }
}
