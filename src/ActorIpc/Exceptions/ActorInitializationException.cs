namespace ActorIpc;

/// <summary>
/// An actor could not be created or started: its constructor, factory or <c>PreStart</c> threw.
/// The default strategy stops such an actor rather than restarting it in a loop.
/// </summary>
public sealed class ActorInitializationException : ActorIpcException
{
    /// <summary>Creates the exception for the actor at <paramref name="path"/>.</summary>
    public ActorInitializationException(ActorPath path, string what, Exception cause)
        : base($"{path}: {what} failed: {cause.GetType().Name}: {cause.Message}", cause)
    {
        ActorPath = path;
    }

    /// <summary>The actor that failed to start.</summary>
    public ActorPath ActorPath { get; }
}
