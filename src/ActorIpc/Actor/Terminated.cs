namespace ActorIpc;

/// <summary>
/// A watched actor has stopped. Delivered exactly once per <c>Watch</c>, also when the actor
/// was already dead when watched; never after <c>Unwatch</c>.
/// </summary>
/// <param name="ActorRef">The actor that stopped.</param>
/// <param name="ExistenceConfirmed">False when the actor was not known to exist when watched.</param>
/// <param name="AddressTerminated">True when the actor's whole system (process) was lost.</param>
public sealed record Terminated(IActorRef ActorRef, bool ExistenceConfirmed, bool AddressTerminated) : IPossiblyHarmful, IAutoReceivedMessage;
