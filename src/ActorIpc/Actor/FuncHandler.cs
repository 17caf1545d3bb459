namespace ActorIpc;

/// <summary>A handler that decides itself, by its return value, whether it handled a <typeparamref name="T"/>.</summary>
internal sealed class FuncHandler<T>(Func<T, bool> handler) : MessageHandler
{
    public override bool TryHandle(object message) => message is T typed && handler(typed);
}
