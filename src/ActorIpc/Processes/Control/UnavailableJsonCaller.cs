namespace ActorIpc;

/// <summary>
/// The <see cref="IJsonCaller"/> of a build whose published objects cannot yet be called with JSON:
/// every call is refused, saying so.
/// </summary>
internal sealed class UnavailableJsonCaller : IJsonCaller
{
    public static UnavailableJsonCaller Instance { get; } = new();

    public Task<string> CallJsonAsync(string name, string method, string arguments, string? service = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        Task.FromException<string>(new NotSupportedException($"cannot call {name}.{method}: this build of ActorIpc has no JSON calls of published objects (PublishedObjects.CallJsonAsync)"));
}
