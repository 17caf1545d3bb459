using System.Collections.Immutable;
using Akka;
using Akka.Actor;

namespace ActorIpc;

/// <summary>
/// Where callees register under a <see cref="ServiceKey"/> and invokers find them, across every
/// process of the cluster. An Akka extension: <c>Receptionist.Get(system)</c>. Each node's
/// receptionist actor (<c>/system/actoripc-receptionist</c>) tells every other node its own
/// registrations when they change and when a node comes up, so a registration is seen everywhere
/// after one message between the processes. A callee that stops, or whose process leaves the
/// cluster, is unreachable or loses its connection, drops out of the listing.
/// </summary>
public sealed class Receptionist : IExtension
{
    internal const string ActorName = "actoripc-receptionist";

    private readonly Lock _waitersGate = new();
    private readonly Dictionary<string, TaskCompletionSource> _waiters = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Address, int> _processIds = new();
    private ImmutableDictionary<string, ImmutableArray<IActorRef>> _view = ImmutableDictionary.Create<string, ImmutableArray<IActorRef>>(StringComparer.Ordinal);

    internal Receptionist(ExtendedActorSystem system)
    {
        System = system;
        Actor = system.SystemActorOf(Props.Create(() => new ReceptionistActor(this)), ActorName);

        // First thing when the node shuts down: its callees are withdrawn from every node's view
        // while they still answer, so that no call is sent to them once they are about to stop.
        var actor = Actor;
        CoordinatedShutdown.Get(system).AddTask(
            CoordinatedShutdown.PhaseBeforeServiceUnbind,
            "actoripc-withdraw-callees",
            () => actor.Ask<Done>(WithdrawCallees.Instance, WithdrawTimeout));
    }

    /// <summary>How long the shutdown waits for the receptionist to withdraw this node's callees (it takes a message).</summary>
    private static readonly TimeSpan WithdrawTimeout = TimeSpan.FromSeconds(5);

    internal ExtendedActorSystem System { get; }

    internal IActorRef Actor { get; }

    /// <summary>The receptionist of <paramref name="system"/>.</summary>
    /// <param name="system">The actor system.</param>
    /// <returns>The extension, started on first use.</returns>
    public static Receptionist Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.WithExtension<Receptionist, ReceptionistProvider>();
    }

    /// <summary>
    /// Registers <paramref name="callee"/>, an actor of this process, under <paramref name="key"/>.
    /// It stays registered until it is deregistered or stops. Registering twice is the same as once.
    /// </summary>
    /// <typeparam name="TProtocol">The messages the callee accepts.</typeparam>
    /// <param name="key">The key.</param>
    /// <param name="callee">A local actor.</param>
    /// <exception cref="ArgumentException"><paramref name="callee"/> is not an actor of this process.</exception>
    public void Register<TProtocol>(ServiceKey<TProtocol> key, IActorRef callee)
    {
        ArgumentNullException.ThrowIfNull(key);
        RequireLocal(callee);
        Actor.Tell(new RegisterCallee(key, callee));
    }

    /// <summary>Removes <paramref name="callee"/> from <paramref name="key"/>'s callees; nothing happens if it is not registered.</summary>
    /// <typeparam name="TProtocol">The messages the callee accepts.</typeparam>
    /// <param name="key">The key.</param>
    /// <param name="callee">A local actor.</param>
    public void Deregister<TProtocol>(ServiceKey<TProtocol> key, IActorRef callee)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(callee);
        Actor.Tell(new DeregisterCallee(key, callee));
    }

    /// <summary>The callees registered under <paramref name="key"/> in every process that are alive now, as this node knows them.</summary>
    /// <typeparam name="TProtocol">The messages the callees accept.</typeparam>
    /// <param name="key">The key.</param>
    /// <returns>The listing; its callees are empty when there are none.</returns>
    public Listing Find<TProtocol>(ServiceKey<TProtocol> key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new Listing(key, Callees(key));
    }

    /// <summary>
    /// Sends <paramref name="subscriber"/> the <see cref="Listing"/> of <paramref name="key"/> now and
    /// each time it changes, until it unsubscribes or stops.
    /// </summary>
    /// <param name="key">The key.</param>
    /// <param name="subscriber">The actor that receives the listings.</param>
    public void Subscribe(ServiceKey key, IActorRef subscriber)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(subscriber);
        Actor.Tell(new SubscribeListing(key, subscriber));
    }

    /// <summary>Stops sending <paramref name="subscriber"/> the listings of <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    /// <param name="subscriber">The subscriber.</param>
    public void Unsubscribe(ServiceKey key, IActorRef subscriber)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(subscriber);
        Actor.Tell(new UnsubscribeListing(key, subscriber));
    }

    /// <summary>The callees of <paramref name="key"/> now: a read of the view the actor publishes, without a message.</summary>
    internal ImmutableArray<IActorRef> Callees(ServiceKey key) =>
        Volatile.Read(ref _view).TryGetValue(key.Id, out var callees) ? callees : [];

    /// <summary>
    /// Completes when the callees of <paramref name="key"/> are no longer <paramref name="seen"/>
    /// (an array <see cref="Callees"/> returned): at once if they changed already.
    /// </summary>
    internal Task WhenChangedAsync(ServiceKey key, ImmutableArray<IActorRef> seen, CancellationToken cancellationToken)
    {
        TaskCompletionSource waiter;
        lock (_waitersGate)
        {
            if (!_waiters.TryGetValue(key.Id, out waiter!))
            {
                waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.Add(key.Id, waiter);
            }
        }

        // The view may have changed between the caller's look and the registration of the waiter;
        // views are immutable, so the same array means no change.
        if (Callees(key) != seen)
        {
            return Task.CompletedTask;
        }

        return waiter.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Called by the actor with the new view: completes the waiters of every key whose callees changed.</summary>
    internal void Publish(ImmutableDictionary<string, ImmutableArray<IActorRef>> view)
    {
        var previous = Volatile.Read(ref _view);
        Volatile.Write(ref _view, view);
        lock (_waitersGate)
        {
            foreach (var id in _waiters.Keys.ToArray())
            {
                var before = previous.TryGetValue(id, out var b) ? b : [];
                var after = view.TryGetValue(id, out var a) ? a : [];
                if (before != after)
                {
                    _waiters.Remove(id, out var waiter);
                    waiter!.TrySetResult();
                }
            }
        }
    }

    /// <summary>
    /// Raised on the receptionist actor's thread when a node's address is lost: its member exited,
    /// was removed or is unreachable, or its connection closed, or a fleet saw its process exit
    /// (<see cref="Lose"/>). Calls in flight to callees there fail at once instead of at their
    /// timeout, with the reason when there is one. Raised after the view without that node's
    /// callees is published, so that a call re-sent because of it never picks another callee there.
    /// </summary>
    internal event Action<Address, string?>? Lost;

    /// <summary>
    /// Raised on the receptionist actor's thread for each snapshot it accepts from another node:
    /// the node's address, its process id and the names of the keys it has callees under. The
    /// fleet tells its children by their process id, and knows a child is ready by its keys.
    /// </summary>
    internal event Action<Address, int, IReadOnlyCollection<string>>? Seen;

    /// <summary>The operating-system process id of the node at <paramref name="address"/>, when known.</summary>
    internal int? ProcessIdOf(Address address) =>
        address.HasLocalScope || (System.Provider.DefaultAddress.Equals(address)) ? Environment.ProcessId
        : _processIds.TryGetValue(address, out var pid) ? pid : null;

    internal void ProcessSeen(Address address, int processId, IReadOnlyCollection<string> keys)
    {
        _processIds[address] = processId;
        Seen?.Invoke(address, processId, keys);
    }

    internal void AddressLost(Address address, string? reason) => Lost?.Invoke(address, reason);

    /// <summary>
    /// Tells this node's receptionist that the node at <paramref name="address"/> is gone, from a
    /// surer source than the cluster's (a fleet saw its process exit): its callees leave the view,
    /// and the calls in flight to them fail at once with <paramref name="reason"/>.
    /// </summary>
    internal void Lose(Address address, string reason) => Actor.Tell(new LoseAddress(address, reason));

    private static void RequireLocal(IActorRef callee)
    {
        ArgumentNullException.ThrowIfNull(callee);
        if (!callee.Path.Address.HasLocalScope)
        {
            throw new ArgumentException($"a callee registers in its own process: {callee.Path} is an actor of another process", nameof(callee));
        }
    }
}
