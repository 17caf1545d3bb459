namespace ActorIpc;

/// <summary>A request frame of the control protocol (<see cref="ControlProtocol"/>): what is asked and its arguments.</summary>
internal sealed record ControlRequest
{
    /// <summary>The protocol version.</summary>
    public int V { get; init; } = ControlProtocol.Version;

    /// <summary>What is asked: one of <see cref="ControlProtocol.Ops"/>.</summary>
    public string? Op { get; init; }

    /// <summary>The process (<c>logs</c>, <c>restart</c>; <see langword="null"/> for every process's logs) or the published object (<c>invoke</c>).</summary>
    public string? Name { get; init; }

    /// <summary><c>logs</c>: one replica's lines; <see langword="null"/>: every replica's.</summary>
    public int? Replica { get; init; }

    /// <summary><c>logs</c>: how many of each replica's last lines.</summary>
    public int? Last { get; init; }

    /// <summary><c>logs</c>: go on with each new line until the client closes the connection or the fleet stops.</summary>
    public bool Follow { get; init; }

    /// <summary><c>invoke</c>: the method.</summary>
    public string? Method { get; init; }

    /// <summary><c>invoke</c>: the arguments, a JSON array as text.</summary>
    public string? Arguments { get; init; }

    /// <summary><c>invoke</c>: the service interface, when the name publishes several.</summary>
    public string? Service { get; init; }

    /// <summary><c>invoke</c>: the call's timeout in milliseconds; <see langword="null"/>: the default.</summary>
    public long? TimeoutMs { get; init; }
}
