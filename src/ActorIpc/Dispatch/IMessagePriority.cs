namespace ActorIpc;

/// <summary>
/// Ranks messages for a priority mailbox: lower values are handled first, equal values in
/// arrival order. Name the implementing type in a mailbox's HOCON
/// (<c>type = priority, priority = "MyApp.Urgency, MyApp"</c>); it needs a public parameterless constructor.
/// </summary>
public interface IMessagePriority
{
    /// <summary>The rank of <paramref name="message"/>; called on the sender's thread, so keep it cheap and thread-safe.</summary>
    int PriorityOf(object message);
}
