using System.Diagnostics.CodeAnalysis;

namespace ActorIpc;

/// <summary>
/// The immutable recipe for an actor: how to create its instance and where it runs (dispatcher,
/// mailbox, the strategy it supervises its children with). Share one <see cref="Props"/> for
/// every actor of a kind; change it with the <c>WithX</c> methods, which return a copy.
/// </summary>
public sealed record Props
{
    private Props(Type actorType, Func<ActorBase> factory)
    {
        ActorType = actorType;
        Factory = factory;
    }

    /// <summary>The type of actor the factory creates.</summary>
    public Type ActorType { get; }

    /// <summary>Creates a new actor instance; called again on every restart.</summary>
    public Func<ActorBase> Factory { get; }

    /// <summary>The dispatcher id (<c>actoripc.actor.dispatchers.ID</c>); <c>default</c> when null.</summary>
    public string? Dispatcher { get; init; }

    /// <summary>The mailbox id (<c>actoripc.actor.mailboxes.ID</c>); <c>default</c> when null.</summary>
    public string? Mailbox { get; init; }

    /// <summary>How the actor supervises its children; null keeps the actor's own <c>SupervisorStrategy()</c>.</summary>
    public SupervisorStrategy? SupervisorStrategy { get; init; }

    /// <summary>Props for <typeparamref name="TActor"/> created with its parameterless constructor.</summary>
    public static Props Create<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TActor>()
        where TActor : ActorBase, new() =>
        new(typeof(TActor), static () => new TActor());

    /// <summary>Props whose actors <paramref name="factory"/> creates, e.g. <c>Props.Create(() => new Worker(pool, 3))</c>.</summary>
    public static Props Create<TActor>(Func<TActor> factory)
        where TActor : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new Props(typeof(TActor), factory);
    }

    /// <summary>Props for <paramref name="actorType"/>, created with the constructor that fits <paramref name="args"/>.</summary>
    /// <exception cref="ArgumentException">The type is not an actor type.</exception>
    public static Props Create(
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] Type actorType,
        params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(actorType);
        if (!typeof(ActorBase).IsAssignableFrom(actorType) || actorType.IsAbstract)
        {
            throw new ArgumentException($"{actorType.FullName} is not a concrete actor type (a non-abstract subclass of ActorBase).", nameof(actorType));
        }

        var arguments = args.ToArray();
        return new Props(actorType, () => (ActorBase)Activator.CreateInstance(actorType, arguments)!);
    }

    /// <summary>A copy that runs on the dispatcher <paramref name="dispatcherId"/>.</summary>
    public Props WithDispatcher(string dispatcherId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dispatcherId);
        return this with { Dispatcher = dispatcherId };
    }

    /// <summary>A copy that uses the mailbox <paramref name="mailboxId"/>.</summary>
    public Props WithMailbox(string mailboxId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mailboxId);
        return this with { Mailbox = mailboxId };
    }

    /// <summary>A copy whose actors supervise their children with <paramref name="strategy"/>.</summary>
    public Props WithSupervisorStrategy(SupervisorStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return this with { SupervisorStrategy = strategy };
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"Props({ActorType.Name}, dispatcher={Dispatcher ?? "default"}, mailbox={Mailbox ?? "default"})";
}
