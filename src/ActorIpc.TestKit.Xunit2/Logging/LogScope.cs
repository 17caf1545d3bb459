namespace ActorIpc.TestKit.Xunit2;

/// <summary>One level of the scope stack of an async flow; disposing it restores the level below.</summary>
internal sealed class LogScope(AsyncLocal<LogScope?> current, LogScope? parent, object state) : IDisposable
{
    private const string ActorPathKey = "ActorPath";

    public LogScope? Parent { get; } = parent;

    public object State { get; } = state;

    /// <summary>The innermost <c>ActorPath</c> value in the stack, or null.</summary>
    public static object? FindActorPath(LogScope? scope)
    {
        for (; scope is not null; scope = scope.Parent)
        {
            if (scope.State is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var (key, value) in pairs)
                {
                    if (key == ActorPathKey)
                    {
                        return value;
                    }
                }
            }
        }

        return null;
    }

    public void Dispose()
    {
        // Scopes end in reverse order within a flow; one that ends out of order must not cut off
        // the scopes opened after it, so only the innermost pops.
        if (ReferenceEquals(current.Value, this))
        {
            current.Value = Parent;
        }
    }
}
