namespace ActorIpc;

/// <summary>Asks this node's messenger for a census of a topic's subscribers; answered with a <see cref="CensusResult"/>.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Role">Only nodes with this role; <see langword="null"/>: every node.</param>
internal sealed record CountRequest(string Topic, string? Role);
