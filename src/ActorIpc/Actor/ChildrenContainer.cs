namespace ActorIpc;

/// <summary>
/// A parent's children by name, live and stopping; made with the first child, so actors without
/// children carry none of it. Children are created from outside the actor too (system.ActorOf
/// on the guardian, from any thread) and looked up by selections from any thread, so every
/// access locks the container.
/// </summary>
internal sealed class ChildrenContainer
{
    private readonly Dictionary<string, LocalActorRef> _byName = new(StringComparer.Ordinal);
    private long _nextName;

    public long NextName() => Interlocked.Increment(ref _nextName);

    public bool TryGet(string name, out LocalActorRef child)
    {
        lock (this)
        {
            return _byName.TryGetValue(name, out child!);
        }
    }

    public bool TryAdd<TState>(string name, TState state, Func<TState, LocalActorRef> create, out LocalActorRef child)
    {
        // Created under the lock so that the name is reserved before anyone else can take it.
        lock (this)
        {
            if (_byName.TryGetValue(name, out child!))
            {
                return false;
            }

            child = create(state);
            _byName.Add(name, child);
            return true;
        }
    }

    public bool Remove(IActorRef child)
    {
        lock (this)
        {
            if (_byName.TryGetValue(child.Path.Name, out var known) && known.Equals(child))
            {
                _byName.Remove(child.Path.Name);
                return true;
            }

            return false;
        }
    }

    public LocalActorRef[] Snapshot(bool includeStopping)
    {
        lock (this)
        {
            return includeStopping
                ? [.. _byName.Values]
                : [.. _byName.Values.Where(c => !c.Cell.StoppingByParent)];
        }
    }

    public bool IsEmpty
    {
        get
        {
            lock (this)
            {
                return _byName.Count == 0;
            }
        }
    }

    public bool AnyStopping
    {
        get
        {
            lock (this)
            {
                return _byName.Values.Any(c => c.Cell.StoppingByParent);
            }
        }
    }
}
