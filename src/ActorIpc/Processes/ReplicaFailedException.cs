using System.Text;

namespace ActorIpc;

/// <summary>
/// A replica of a fleet's process needed more restarts within its window than its restart policy
/// allows, and was left stopped: <see cref="Fleet.StartAsync"/> and <see cref="Fleet.RestartAsync"/>
/// fail with it. The message names the replica, its last process, how it ended, and the last lines
/// it printed.
/// </summary>
public sealed class ReplicaFailedException : ActorIpcException
{
    internal ReplicaFailedException(string name, int replica, string why, ProcessExit? lastExit, IReadOnlyList<ProcessLogLine> lastLines)
        : base(Describe(name, replica, why, lastExit, lastLines))
    {
        Name = name;
        Replica = replica;
        LastExit = lastExit;
        LastLines = lastLines;
    }

    /// <summary>The process's name in the topology.</summary>
    public string Name { get; }

    /// <summary>The replica's index.</summary>
    public int Replica { get; }

    /// <summary>How its last process ended: its pid, exit code or signal, and why.</summary>
    public ProcessExit? LastExit { get; }

    /// <summary>The last lines of its log (what its processes printed, and the supervisor's notes), oldest first.</summary>
    public IReadOnlyList<ProcessLogLine> LastLines { get; }

    private static string Describe(string name, int replica, string why, ProcessExit? lastExit, IReadOnlyList<ProcessLogLine> lastLines)
    {
        var text = new StringBuilder($"{name}#{replica} failed: {why}");
        if (lastExit is not null)
        {
            text.Append("; last: ").Append(lastExit);
        }

        var printed = lastLines.Where(l => l.Source != LogSource.Supervisor).TakeLast(10).ToArray();
        if (printed.Length > 0)
        {
            text.Append("; it printed last:");
            foreach (var line in printed)
            {
                text.Append("\n  ").Append(line);
            }
        }
        else
        {
            text.Append("; it printed nothing");
        }

        return text.ToString();
    }
}
