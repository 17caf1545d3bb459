namespace ActorIpc;

/// <summary>An actor name, path element or system name broke the naming rules; the message says which rule.</summary>
public sealed class InvalidActorNameException : ActorIpcException
{
    /// <summary>Creates the exception for <paramref name="name"/> with the broken rule.</summary>
    public InvalidActorNameException(string? name, string reason)
        : base($"invalid actor name '{name}': {reason}")
    {
        Name = name;
    }

    /// <summary>The rejected name.</summary>
    public string? Name { get; }
}
