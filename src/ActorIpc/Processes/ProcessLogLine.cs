namespace ActorIpc;

/// <summary>A line of a replica's log: what its process printed, or what the supervisor noted about it.</summary>
/// <param name="Name">The process's name in the topology.</param>
/// <param name="Replica">The replica's index.</param>
/// <param name="ProcessId">The operating-system process the line is about; <see langword="null"/> for a note before a process started.</param>
/// <param name="At">When the parent read (or wrote) the line.</param>
/// <param name="Source">Standard output, standard error, or the supervisor.</param>
/// <param name="Text">The line, without its end of line.</param>
public sealed record ProcessLogLine(string Name, int Replica, int? ProcessId, DateTimeOffset At, LogSource Source, string Text)
{
    /// <summary>The line as the parent's log writes it: <c>images#0 (pid 1234) stderr: text</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var process = ProcessId is { } pid ? $" (pid {pid})" : "";
        var source = Source switch
        {
            LogSource.StandardError => " stderr",
            LogSource.Supervisor => " supervisor",
            _ => "",
        };
        return $"{Name}#{Replica}{process}{source}: {Text}";
    }
}
