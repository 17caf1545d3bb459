namespace ActorIpc;

/// <summary>
/// A call of a published object's method by its name, with the arguments as one JSON array, from
/// a caller that has none of the interface's types (<c>actoripc invoke</c>, through
/// <see cref="PublishedObjects.CallJsonAsync"/>). It is the protocol of a key of its own, which
/// every publication registers next to the proxies' key, so that a proxy's calls
/// (<see cref="PublishedObjectCall"/>) go the way they always went. The publisher answers with a
/// <see cref="PublishedObjectJsonAnswer"/>.
/// </summary>
/// <param name="Service">The interface the caller expects (its full or simple name); <see langword="null"/>: whichever is published.</param>
/// <param name="Method">The method's name.</param>
/// <param name="Arguments">The arguments, as the text of one JSON array.</param>
internal sealed record PublishedObjectJsonCall(string? Service, string Method, string Arguments) : IDescribedCall
{
    Type IDescribedCall.CallType => typeof(PublishedObjectJsonCall);

    string IDescribedCall.CallText => $"JSON call of {Method}";
}
