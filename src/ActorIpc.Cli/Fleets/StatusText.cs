using System.Globalization;

namespace ActorIpc.Cli.Fleets;

/// <summary>How the fleet commands write a replica's figures and states.</summary>
internal static class StatusText
{
    public const string None = "-";

    /// <summary>The columns of a status table.</summary>
    public static IReadOnlyList<string> Headers { get; } = ["NAME", "REPLICA", "PID", "STATE", "RESTARTS", "UPTIME", "MEMORY", "CALLS/S"];

    /// <summary>A replica's row of a status table, one cell per header.</summary>
    public static string[] Row(ReplicaStatus replica) =>
    [
        replica.Name,
        Number(replica.Replica),
        replica.ProcessId is { } pid ? Number(pid) : None,
        replica.State.ToString(),
        Number(replica.Restarts),
        replica.Uptime is { } uptime ? Duration(uptime) : None,
        replica.ResidentBytes is { } bytes ? Size(bytes) : None,
        replica.CallsPerSecond is { } calls ? calls.ToString(calls < 10 ? "0.#" : "0", CultureInfo.InvariantCulture) : None,
    ];

    /// <summary>
    /// A replica's state as a line of <c>actoripc run</c>'s plain output: <c>worker#0 pid 1234 Ready</c>,
    /// and how its last process ended once none runs.
    /// </summary>
    public static string StateLine(ReplicaStatus replica)
    {
        var pid = replica.ProcessId is { } id ? $" pid {Number(id)}" : "";
        var why = replica.State switch
        {
            ReplicaState.Failed => replica.Detail ?? replica.LastExit?.ToString(),
            ReplicaState.Stopped or ReplicaState.BackingOff => replica.LastExit?.ToString(),
            _ => null,
        };
        return why is null ? $"{replica.Label}{pid} {replica.State}" : $"{replica.Label}{pid} {replica.State}: {why}";
    }

    /// <summary>A duration as uptimes read: <c>42s</c>, <c>3m05s</c>, <c>2h07m</c>, <c>4d03h</c>.</summary>
    public static string Duration(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            duration = TimeSpan.Zero;
        }

        return duration.TotalMinutes < 1 ? Invariant($"{(int)duration.TotalSeconds}s")
            : duration.TotalHours < 1 ? Invariant($"{(int)duration.TotalMinutes}m{duration.Seconds:00}s")
            : duration.TotalDays < 1 ? Invariant($"{(int)duration.TotalHours}h{duration.Minutes:00}m")
            : Invariant($"{(int)duration.TotalDays}d{duration.Hours:00}h");
    }

    /// <summary>A size in binary units: <c>812 KiB</c>, <c>45.3 MiB</c>.</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1L << 20 => Invariant($"{bytes / 1024.0:0} KiB"),
        < 1L << 30 => Invariant($"{bytes / (double)(1L << 20):0.0} MiB"),
        _ => Invariant($"{bytes / (double)(1L << 30):0.00} GiB"),
    };

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
