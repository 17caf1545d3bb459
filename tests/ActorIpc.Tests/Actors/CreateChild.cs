namespace ActorIpc.Tests.Actors;

/// <summary>Asks a <see cref="ParentActor"/> to create a child.</summary>
public sealed record CreateChild(Props Props, string Name);
