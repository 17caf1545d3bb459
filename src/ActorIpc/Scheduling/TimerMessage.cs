namespace ActorIpc.Scheduling;

/// <summary>
/// The envelope an actor timer sends to its actor. The generation tells the current timer
/// of a key from one that was cancelled or replaced since it sent this message.
/// </summary>
/// <param name="Key">The timer's key.</param>
/// <param name="Generation">The generation of the timer that sent it; unique within <paramref name="Owner"/>.</param>
/// <param name="Message">The user's message.</param>
/// <param name="Owner">The timers of the actor that started the timer; an incarnation's envelopes are foreign to another's.</param>
internal sealed record TimerMessage(object Key, long Generation, object Message, ActorTimers Owner);
