namespace ActorIpc.Tests.Actors;

/// <summary>Makes a <see cref="LifecycleProbeActor"/> throw <see cref="Exception"/>.</summary>
public sealed record Crash(Exception Exception);
