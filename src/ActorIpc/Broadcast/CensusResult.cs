using Akka.Actor;

namespace ActorIpc;

/// <summary>What a census found.</summary>
/// <param name="Request">What the census was for (a <see cref="CountRequest"/> or a <see cref="SendOneRequest"/>).</param>
/// <param name="Answers">The nodes that answered, each with its subscribers of the topic.</param>
/// <param name="Silent">The nodes this node's mediator knows whose answer did not come in time.</param>
internal sealed record CensusResult(object Request, IReadOnlyList<CensusAnswer> Answers, IReadOnlyList<Address> Silent)
{
    /// <summary>How many subscribers the nodes that answered have.</summary>
    public int Count => Answers.Sum(answer => answer.Count);
}
