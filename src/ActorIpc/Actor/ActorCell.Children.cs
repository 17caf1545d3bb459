namespace ActorIpc;

/// <summary>Children: creation, lookup, stop, and waiting for them before a restart or stop completes.</summary>
internal sealed partial class ActorCell
{
    private ChildrenContainer? _children;

    /// <summary>Set by the parent when it asked this actor to stop: its name stays taken until it has terminated.</summary>
    public bool StoppingByParent { get; set; }

    /// <summary>Restarts counted against the parent's strategy limit (touched by the parent only).</summary>
    public int RestartCount { get; set; }

    /// <summary>When the current restart-counting window began, a timestamp of the system's <see cref="ActorSystem.TimeProvider"/> (touched by the parent only).</summary>
    public long RestartWindowStart { get; set; }

    public IEnumerable<IActorRef> Children => Volatile.Read(ref _children)?.Snapshot(includeStopping: false) ?? [];

    /// <summary>True while some child (live or stopping) has not terminated yet.</summary>
    private bool HasChildren => Volatile.Read(ref _children) is { IsEmpty: false };

    /// <summary>True while some child asked to stop has not terminated yet.</summary>
    private bool HasStoppingChildren => Volatile.Read(ref _children) is { AnyStopping: true };

    public IActorRef? Child(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return GetChild(name) is { Cell.StoppingByParent: false } child ? child : null;
    }

    public IActorRef ActorOf(Props props, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(props);
        if (name is null)
        {
            name = GeneratedName(ChildrenOrCreate().NextName());
        }
        else
        {
            ActorName.ValidateActorName(name);
        }

        return CreateChild(props, name);
    }

    /// <summary>Creates a child with a name already validated (system-generated names included).</summary>
    public LocalActorRef CreateChild(Props props, string name)
    {
        if (_terminating)
        {
            throw new ActorIpcException($"cannot create child '{name}' of {Self.Path}: the actor is stopping");
        }

        // A static lambda over a state tuple: no closure allocated per child.
        var created = ChildrenOrCreate().TryAdd(
            name,
            (Cell: this, Props: props, Name: name),
            static s => s.Cell.System.CreateActor(s.Props, s.Cell, s.Cell.Path.ChildUnchecked(s.Name, s.Cell.System.NextUid())),
            out var child);
        if (!created)
        {
            throw new InvalidActorNameException(name, child.Cell.StoppingByParent
                ? $"a child of {Self.Path} with this name is still stopping; wait for its Terminated before reusing the name"
                : $"{Self.Path} already has a child with this name");
        }

        child.Start();
        return child;
    }

    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor is not IInternalActorRef target)
        {
            throw new ArgumentException($"{actor} is not a reference of this runtime", nameof(actor));
        }

        if (!ReferenceEquals(target, Self) && GetChild(actor) is { } child)
        {
            child.Cell.StoppingByParent = true;
        }

        target.SendSystemMessage(new Dispatch.Terminate());
    }

    /// <summary>The child named <paramref name="name"/> (live or stopping), or null.</summary>
    public LocalActorRef? GetChild(string name) =>
        Volatile.Read(ref _children) is { } children && children.TryGet(name, out var child) ? child : null;

    /// <summary>The live children (not asked to stop).</summary>
    public LocalActorRef[] LiveChildren() => Volatile.Read(ref _children)?.Snapshot(includeStopping: false) ?? [];

    private LocalActorRef? GetChild(IActorRef child) =>
        GetChild(child.Path.Name) is { } known && known.Equals(child) ? known : null;

    private LocalActorRef[] AllChildren() => Volatile.Read(ref _children)?.Snapshot(includeStopping: true) ?? [];

    private ChildrenContainer ChildrenOrCreate()
    {
        var children = Volatile.Read(ref _children);
        if (children is not null)
        {
            return children;
        }

        var created = new ChildrenContainer();
        return Interlocked.CompareExchange(ref _children, created, null) ?? created;
    }

    private void StopChildren()
    {
        foreach (var child in AllChildren())
        {
            child.Cell.StoppingByParent = true;
            child.SendSystemMessage(new Dispatch.Terminate());
        }
    }

    /// <summary>A child terminated: free its name, and finish a pending restart or stop once all are gone.</summary>
    private bool ChildTerminated(IActorRef child)
    {
        if (Volatile.Read(ref _children) is not { } children || !children.Remove(child))
        {
            return false;
        }

        ChildrenChanged();
        return true;
    }

    /// <summary>"$" and the number in base 36: short, valid, and reserved for generated names.</summary>
    private static string GeneratedName(long value)
    {
        const string Digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        Span<char> buffer = stackalloc char[16];
        var i = buffer.Length;
        do
        {
            buffer[--i] = Digits[(int)(value % 36)];
            value /= 36;
        }
        while (value > 0);

        buffer[--i] = '$';
        return new string(buffer[i..]);
    }
}
