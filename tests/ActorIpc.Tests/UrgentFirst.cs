namespace ActorIpc.Tests;

/// <summary>Ranks strings starting with "urgent" ahead of everything else (used by a priority mailbox in the tests).</summary>
public sealed class UrgentFirst : IMessagePriority
{
    public int PriorityOf(object message) => message is string s && s.StartsWith("urgent", StringComparison.Ordinal) ? 0 : 1;
}
