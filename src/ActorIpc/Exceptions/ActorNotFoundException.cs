namespace ActorIpc;

/// <summary>An <see cref="ActorSelection"/> matched no live actor.</summary>
public sealed class ActorNotFoundException : ActorIpcException
{
    /// <summary>Creates the exception for the selection <paramref name="selection"/>.</summary>
    public ActorNotFoundException(string selection)
        : base($"no live actor matches the selection '{selection}'")
    {
        Selection = selection;
    }

    /// <summary>The selection's path.</summary>
    public string Selection { get; }
}
