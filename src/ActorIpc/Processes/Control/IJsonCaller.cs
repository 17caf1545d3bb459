namespace ActorIpc;

/// <summary>
/// Calls a published object's method with JSON arguments, for the control socket's <c>invoke</c>:
/// the signature of <c>PublishedObjects.CallJsonAsync</c>, which the server is bound to.
/// </summary>
internal interface IJsonCaller
{
    /// <summary>Calls <paramref name="method"/> of the object published as <paramref name="name"/>.</summary>
    /// <param name="name">The published object's name.</param>
    /// <param name="method">The method's name.</param>
    /// <param name="arguments">The arguments, a JSON array as text.</param>
    /// <param name="service">The service interface, when the name publishes several.</param>
    /// <param name="timeout">The call's timeout; <see langword="null"/>: the default.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result, JSON text.</returns>
    /// <exception cref="ArgumentException"><paramref name="arguments"/> is not a JSON array, or does not fit the method.</exception>
    Task<string> CallJsonAsync(string name, string method, string arguments, string? service = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default);
}
