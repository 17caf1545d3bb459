using ActorIpc.Dispatch;

namespace ActorIpc.Spi;

/// <summary>
/// What a transport (remoting) needs of an actor system beyond the public API: resolving local
/// actors by path, joining death watch across the process boundary, and reporting messages it
/// could not deliver. For transport implementers; application code does not need it.
/// </summary>
public sealed class ActorSystemSpi
{
    private readonly ActorSystemImpl _system;

    private ActorSystemSpi(ActorSystemImpl system) => _system = system;

    /// <summary>The actor system.</summary>
    public ActorSystem System => _system;

    /// <summary>The service provider interface of <paramref name="system"/>.</summary>
    /// <exception cref="ArgumentException">The system is not an ActorIpc actor system.</exception>
    public static ActorSystemSpi For(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return new ActorSystemSpi(system as ActorSystemImpl ?? throw new ArgumentException("the system must be created by ActorSystem.Create", nameof(system)));
    }

    /// <summary>
    /// The live local actor, Ask promise (<c>/temp/...</c>) or <c>/deadLetters</c> at the path's
    /// elements (its address is not checked: the caller decides the path is for this system);
    /// null when none.
    /// </summary>
    public IActorRef? ResolveLocal(ActorPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return _system.ResolveLocal(path);
    }

    /// <summary>
    /// The Ask promise whose path is <c>/temp/<paramref name="name"/></c> (<c>$</c> and its number),
    /// if it is still waiting and was handed out as a sender; null otherwise. Routes a reply that
    /// names a temporary path without parsing the whole path; a transport that holds the name as
    /// UTF-8 bytes uses <see cref="ResolveTemporary(ReadOnlySpan{byte})"/> instead.
    /// </summary>
    public IActorRef? ResolveTemporary(ReadOnlySpan<char> name) => _system.ResolveTemp(name);

    /// <summary>
    /// As <see cref="ResolveTemporary(ReadOnlySpan{char})"/>, for a name in UTF-8 bytes: a
    /// transport routes a reply straight from its frame, without decoding any text.
    /// </summary>
    public IActorRef? ResolveTemporary(ReadOnlySpan<byte> utf8Name) => _system.ResolveTemp(utf8Name);

    /// <summary>
    /// Reads the number in a temporary reference's name, <c>$n</c> in UTF-8 (any system's: the
    /// sender of another process's Ask too), written in decimal with no sign and no leading zero.
    /// </summary>
    /// <param name="utf8Name">The last element of the path.</param>
    /// <param name="number">The number; 0 when the name is not such a name.</param>
    /// <returns>Whether the name is such a name.</returns>
    public static bool TryParseTemporaryName(ReadOnlySpan<byte> utf8Name, out long number) =>
        ActorSystemImpl.TryParseTempName(utf8Name, out number);

    /// <summary>The name of the temporary reference numbered <paramref name="number"/>: <c>$</c> and the number.</summary>
    /// <param name="number">The number, as <see cref="TryParseTemporaryName"/> reads it.</param>
    /// <returns>The name.</returns>
    public static string TemporaryName(long number) => PromiseActorRef.TempName(number);

    /// <summary>
    /// For a temporary reference of this system (<see cref="IsTemporary"/>): makes it reachable
    /// until it completes and returns the number in its path, <c>/temp/$n</c>, without making the
    /// path itself. 0 for any other reference.
    /// </summary>
    public long ExportTemporary(IActorRef actor) =>
        actor is PromiseActorRef promise && ReferenceEquals(promise.System, _system) ? promise.Export() : 0;

    /// <summary>
    /// Installs how references with another system's address are made (by ActorSelection and
    /// when paths arrive in messages). One resolver per system; it returns null for addresses it
    /// cannot reach.
    /// </summary>
    /// <exception cref="InvalidOperationException">A resolver is installed already.</exception>
    public void SetExternalResolver(Func<ActorPath, IActorRef?> resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        _system.SetExternalResolver(resolver);
    }

    /// <summary>
    /// Passes every message sent to a local actor through <paramref name="transform"/> (e.g. a
    /// serialization round trip, so tests catch messages that could not cross processes). A
    /// transform that throws makes the message a dead letter with the exception's message as
    /// the reason; the sender is not disturbed.
    /// </summary>
    /// <exception cref="InvalidOperationException">A transform is installed already.</exception>
    public void SetLocalMessageTransform(Func<object, object> transform)
    {
        ArgumentNullException.ThrowIfNull(transform);
        _system.SetLocalMessageTransform(transform);
    }

    /// <summary>
    /// <paramref name="watcher"/> (an actor elsewhere) watches the local <paramref name="watchee"/>:
    /// when it stops, the watcher's <see cref="ExternalActorRef"/> gets the notification. A watch of
    /// an actor that is already gone is answered at once.
    /// </summary>
    public void Watch(IActorRef watchee, ExternalActorRef watcher) =>
        Internal(watchee).SendSystemMessage(new Watch(Internal(watchee), watcher));

    /// <summary>Ends a watch made with <see cref="Watch"/>.</summary>
    public void Unwatch(IActorRef watchee, ExternalActorRef watcher) =>
        Internal(watchee).SendSystemMessage(new Unwatch(Internal(watchee), watcher));

    /// <summary>
    /// Tells the local <paramref name="watcher"/> that <paramref name="deadActor"/> (a reference
    /// it watched) has terminated; <paramref name="addressTerminated"/> when its whole process was
    /// lost. The watcher gets its <see cref="Terminated"/> (or fails its Ask) as for a local death.
    /// </summary>
    /// <param name="watcher">The local actor or Ask promise that watched.</param>
    /// <param name="deadActor">The reference it watched (or asked).</param>
    /// <param name="existenceConfirmed">False when the actor was never known to exist.</param>
    /// <param name="addressTerminated">True when its whole process was lost.</param>
    /// <param name="reason">What is known of the loss, e.g. "connection reset"; shown in the failure of a waiting Ask.</param>
    public void NotifyTerminated(IActorRef watcher, IActorRef deadActor, bool existenceConfirmed, bool addressTerminated, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(deadActor);
        Internal(watcher).SendSystemMessage(new DeathWatchNotification(deadActor, existenceConfirmed, addressTerminated, reason));
    }

    /// <summary>
    /// True for the temporary reference standing for a caller waiting on a task (an Ask): a
    /// transport that sends a message with such a sender should call <see cref="NotifyTerminated"/>
    /// for it when the recipient's process is lost, so the Ask fails at once.
    /// </summary>
    public static bool IsTemporary(IActorRef actor) => actor is PromiseActorRef;

    /// <summary>True once the actor (or promise) behind a reference of this runtime has terminated.</summary>
    /// <remarks>A local actor, the usual case on a connection's hot path, is checked without an interface call.</remarks>
    public static bool IsTerminated(IActorRef actor) =>
        actor is ActorCell local ? local.IsTerminated : actor is IInternalActorRef { IsTerminated: true };

    /// <summary>
    /// Reports a message that could not be delivered: it is published as a <see cref="DeadLetter"/>
    /// with <paramref name="reason"/>, and an Ask waiting on it fails at once.
    /// </summary>
    public void DeadLetter(object message, IActorRef? sender, IActorRef recipient, string reason)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentException.ThrowIfNullOrEmpty(reason);
        _system.DeadLetters.Deliver(new Envelope(message, sender), recipient, reason);
    }

    /// <summary>
    /// Adds a task that runs when every actor of the system has stopped and before
    /// <see cref="ActorSystem.WhenTerminated"/> completes (a transport closes its listeners here,
    /// after the last termination notices went out). Tasks run in reverse order of registration;
    /// each is bounded by the last shutdown phase's timeout (its token is cancelled then), and a
    /// failure is logged without stopping the others.
    /// </summary>
    /// <exception cref="InvalidOperationException">The system has terminated already.</exception>
    public void AddAfterActorsStopped(string taskName, Func<CancellationToken, Task> task)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(taskName);
        ArgumentNullException.ThrowIfNull(task);
        _system.AddAfterActorsStopped(taskName, task);
    }

    /// <summary>
    /// Called by a send from inside an actor's message handler: <paramref name="work"/> is done
    /// once when the actor's current mailbox run ends (however many times it was deferred in
    /// the run), so that, say, a transport wakes its writer once for all the messages a run sent
    /// rather than once per message. Outside a run it returns false and the caller does the work
    /// itself, at once. A run whose code blocks lasts as long as it blocks: a caller whose work
    /// someone may be waiting for (an answer to a message it sent) should watch for that and do
    /// the work early; it then runs again at the end, so it should be idempotent.
    /// </summary>
    public static bool TryDeferToEndOfRun(IEndOfRunWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (ActorCell.Current is not { } cell)
        {
            return InlineTurns.TryDeferToEndOfTurns(work);
        }

        cell.Mailbox.DeferToEndOfRun(work);
        return true;
    }

    /// <summary>Creates an actor under <c>/system</c>, for the transport's own actors.</summary>
    public IActorRef SystemActorOf(Props props, string name) => _system.SystemActorOf(props, name);

    private static IInternalActorRef Internal(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor as IInternalActorRef ?? throw new ArgumentException($"{actor} is not a reference of this runtime", nameof(actor));
    }
}

/// <summary>Work deferred with <see cref="ActorSystemSpi.TryDeferToEndOfRun"/>; it must be quick and must not throw.</summary>
public interface IEndOfRunWork
{
    /// <summary>Does the work; called on the thread whose actor run ended.</summary>
    void Run();
}
