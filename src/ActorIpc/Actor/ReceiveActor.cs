namespace ActorIpc;

/// <summary>
/// An actor whose behavior is a table of typed handlers, declared in the constructor:
/// <code>
/// Receive&lt;Add&gt;(add =&gt; Sender.Tell(add.A + add.B));
/// Receive&lt;string&gt;(s =&gt; s.Length &gt; 0, s =&gt; Log.LogInformation("{Text}", s));
/// ReceiveAsync&lt;Fetch&gt;(async f =&gt; Sender.Tell(await Download(f.Url)));
/// </code>
/// Handlers are tried in declaration order; the first whose type (and predicate) matches wins.
/// <see cref="Become(Action)"/> swaps in a new table declared the same way.
/// </summary>
public abstract class ReceiveActor : ActorBase
{
    // While handlers are being declared (constructor, Become): the HandlerTable collecting them.
    // Afterwards: the initial behavior, as one MessageHandler or a MessageHandler[] (no wrapper
    // objects, so an idle actor stays small).
    private object? _handlers = new HandlerTable();

    /// <summary>Handles messages of type <typeparamref name="T"/> (that pass <paramref name="shouldHandle"/>, when given).</summary>
    protected void Receive<T>(Action<T> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Building().Add(new ActionHandler<T>(handler, shouldHandle));
    }

    /// <summary>Handles messages of type <typeparamref name="T"/> that pass <paramref name="shouldHandle"/>.</summary>
    protected void Receive<T>(Predicate<T> shouldHandle, Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(shouldHandle);
        Receive(handler, shouldHandle);
    }

    /// <summary>Offers messages of type <typeparamref name="T"/> to <paramref name="handler"/>, which returns false to pass.</summary>
    protected void Receive<T>(Func<T, bool> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Building().Add(new FuncHandler<T>(handler));
    }

    /// <summary>
    /// Handles messages of type <typeparamref name="T"/> with an async handler. The actor takes no
    /// other message until the returned task completes; continuations after <c>await</c> run as
    /// the actor (with <see cref="ActorBase.Sender"/> and <see cref="ActorBase.Self"/> intact). A
    /// failed task fails the actor like a throwing handler.
    /// </summary>
    protected void ReceiveAsync<T>(Func<T, Task> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Building().Add(new AsyncHandler<T>(Cell, handler, shouldHandle));
    }

    /// <summary>Handles messages of type <typeparamref name="T"/> that pass <paramref name="shouldHandle"/> with an async handler (see <see cref="ReceiveAsync{T}(Func{T, Task}, Predicate{T}?)"/>).</summary>
    protected void ReceiveAsync<T>(Predicate<T> shouldHandle, Func<T, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(shouldHandle);
        ReceiveAsync(handler, shouldHandle);
    }

    /// <summary>Handles every message no earlier handler took.</summary>
    protected void ReceiveAny(Action<object> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Building().Add(new ActionHandler<object>(handler, null));
    }

    /// <summary>Handles every message no earlier handler took, with an async handler (see <see cref="ReceiveAsync{T}(Func{T, Task}, Predicate{T}?)"/>).</summary>
    protected void ReceiveAnyAsync(Func<object, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Building().Add(new AsyncHandler<object>(Cell, handler, null));
    }

    /// <summary>Replaces the behavior with the handlers <paramref name="configure"/> declares.</summary>
    protected void Become(Action configure) => Context.Become(Declare(configure));

    /// <summary>Pushes the handlers <paramref name="configure"/> declares; <see cref="UnbecomeStacked"/> pops them.</summary>
    protected void BecomeStacked(Action configure) => Context.BecomeStacked(Declare(configure));

    /// <summary>Returns to the behavior below the current one.</summary>
    protected void UnbecomeStacked() => Context.Unbecome();

    /// <summary>Not used: a receive actor's behavior is its handler table.</summary>
    protected sealed override void OnReceive(object message) => Unhandled(message);

    internal override bool ReceiveInitial(object message) => _handlers switch
    {
        MessageHandler single => single.TryHandle(message),
        MessageHandler[] many => HandlerTable.Handle(many, message),
        _ => false,
    };

    internal override void OnConstructed()
    {
        // The constructor has declared the initial handlers; later declarations outside
        // Become would be silently ignored, so they are refused instead.
        _handlers = ((HandlerTable)_handlers!).Freeze();
    }

    private Receive Declare(Action configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var outer = _handlers;
        var table = new HandlerTable();
        _handlers = table;
        try
        {
            configure();
            return table.Freeze() switch
            {
                MessageHandler single => single.TryHandle,
                MessageHandler[] many => message => HandlerTable.Handle(many, message),
                _ => static _ => false,
            };
        }
        finally
        {
            _handlers = outer;
        }
    }

    private HandlerTable Building() =>
        _handlers as HandlerTable ?? throw new InvalidOperationException(
            $"{GetType().Name}: Receive handlers are declared in the constructor or inside Become(...)/BecomeStacked(...), not while handling a message.");
}
