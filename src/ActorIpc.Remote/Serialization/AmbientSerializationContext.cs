namespace ActorIpc.Remote.Serialization;

/// <summary>
/// The context of the serialize or deserialize call running on this thread, for JSON converters
/// that System.Text.Json creates once per options instance and calls without any per-call state.
/// </summary>
/// <remarks>
/// Why a thread-static: System.Text.Json has no per-call state parameter, and a separate options
/// instance per connection would rebuild all type metadata per connection. A JSON (de)serialization
/// is synchronous, so the value set before the call is exactly what its converters see on this
/// thread; <see cref="Exchange"/> returns the previous value so nested calls restore it in a
/// <c>finally</c>, and nothing leaks to the next call on the thread.
/// </remarks>
internal static class AmbientSerializationContext
{
    [ThreadStatic]
    private static SerializationContext? _current;

    /// <summary>The context of the running call.</summary>
    /// <exception cref="InvalidOperationException">No serializer call is running on this thread.</exception>
    public static SerializationContext Current =>
        _current ?? throw new InvalidOperationException("actor references and paths inside a message can only be (de)serialized through ActorIpc's SerializationRegistry");

    /// <summary>Sets the context for this thread and returns the one it replaces.</summary>
    public static SerializationContext? Exchange(SerializationContext? context)
    {
        var previous = _current;
        _current = context;
        return previous;
    }
}
