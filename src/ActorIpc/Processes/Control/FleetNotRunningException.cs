namespace ActorIpc;

/// <summary>
/// No fleet of that name is running: its control socket does not exist, or nothing answers on it
/// (a socket its process left when it was killed).
/// </summary>
public sealed class FleetNotRunningException : FleetControlException
{
    internal FleetNotRunningException(string name, string socketPath, string why, Exception? innerException = null)
        : base(socketPath, ControlProtocol.Errors.NotRunning, $"no fleet named {name} is running ({why})", innerException)
    {
        Name = name;
    }

    /// <summary>The fleet's name.</summary>
    public string Name { get; }
}
