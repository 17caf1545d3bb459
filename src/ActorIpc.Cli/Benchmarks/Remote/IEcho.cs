namespace ActorIpc.Cli.Benchmarks.Remote;

/// <summary>
/// The object the node publishes for <c>invoke-proxy</c>: an echo of the shape <c>invoke</c>'s
/// keyed echo serves, an <see cref="int"/> each way, with the caller's token as the invoker's calls
/// carry it, so that what a proxy costs beyond a call by key is the proxy's own.
/// </summary>
internal interface IEcho
{
    /// <summary>Answers with <paramref name="value"/>.</summary>
    /// <param name="value">What to answer with.</param>
    /// <param name="cancellationToken">The caller's token: it ends the caller's wait and is not sent.</param>
    /// <returns><paramref name="value"/>.</returns>
    Task<int> EchoAsync(int value, CancellationToken cancellationToken);
}
