namespace ActorIpc;

/// <summary>Asks a node's messenger how many subscribers of <paramref name="Topic"/> it has; answered with a <see cref="CensusReply"/>.</summary>
/// <param name="Topic">The topic.</param>
internal sealed record Census(string Topic);
