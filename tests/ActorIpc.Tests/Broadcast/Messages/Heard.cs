namespace ActorIpc.Tests.Broadcast.Messages;

/// <summary>What a <see cref="Forwarder"/> reports: which subscriber got which message.</summary>
public sealed record Heard(string Subscriber, object Message);
