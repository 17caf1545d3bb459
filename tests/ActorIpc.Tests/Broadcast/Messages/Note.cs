using System.Collections.Immutable;

namespace ActorIpc.Tests.Broadcast.Messages;

/// <summary>An application message with a collection, allowed on both nodes.</summary>
public sealed record Note(string Text, ImmutableList<int> Numbers);
