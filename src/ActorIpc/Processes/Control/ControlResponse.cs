namespace ActorIpc;

/// <summary>A response frame of the control protocol (<see cref="ControlProtocol"/>); which fields it has depends on its type.</summary>
internal sealed record ControlResponse
{
    /// <summary>The protocol version.</summary>
    public int V { get; init; } = ControlProtocol.Version;

    /// <summary>One of <see cref="ControlProtocol.Types"/>.</summary>
    public required string Type { get; init; }

    /// <summary><c>status</c>: the fleet's name.</summary>
    public string? Fleet { get; init; }

    /// <summary><c>status</c>, <c>stopping</c>: the process id of the fleet's process.</summary>
    public int? ProcessId { get; init; }

    /// <summary><c>status</c>: every replica.</summary>
    public FleetStatus? Status { get; init; }

    /// <summary><c>line</c>: the log line.</summary>
    public ProcessLogLine? Line { get; init; }

    /// <summary><c>result</c>: the call's result, JSON text.</summary>
    public string? Result { get; init; }

    /// <summary><c>error</c>: one of <see cref="ControlProtocol.Errors"/>.</summary>
    public string? Code { get; init; }

    /// <summary><c>error</c>: what went wrong; <c>end</c>: why the lines end, when the fleet stops.</summary>
    public string? Message { get; init; }

    /// <summary>An error frame.</summary>
    public static ControlResponse Failure(string code, string message) => new() { Type = ControlProtocol.Types.Error, Code = code, Message = message };
}
