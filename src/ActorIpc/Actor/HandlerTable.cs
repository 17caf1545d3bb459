namespace ActorIpc;

/// <summary>The handlers of one <see cref="ReceiveActor"/> behavior while they are being declared.</summary>
internal sealed class HandlerTable
{
    private readonly List<MessageHandler> _handlers = [];

    public void Add(MessageHandler handler) => _handlers.Add(handler);

    /// <summary>The declared behavior: null for none, the handler itself for one, an array for several.</summary>
    public object? Freeze() => _handlers.Count switch
    {
        0 => null,
        1 => _handlers[0],
        _ => _handlers.ToArray(),
    };

    /// <summary>Offers <paramref name="message"/> to each handler in declaration order.</summary>
    public static bool Handle(MessageHandler[] handlers, object message)
    {
        foreach (var handler in handlers)
        {
            if (handler.TryHandle(message))
            {
                return true;
            }
        }

        return false;
    }
}
