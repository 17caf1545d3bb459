namespace ActorIpc.TestNode.Messages;

/// <summary>Asks the failing actor for an exception of a kind (<see cref="Errors.Thrower"/>), delivered as <paramref name="Delivery"/> says.</summary>
public sealed record Fail(string Kind, FailureDelivery Delivery = FailureDelivery.StatusFailure);
