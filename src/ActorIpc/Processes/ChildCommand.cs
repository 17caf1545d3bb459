using System.Diagnostics;
using ActorIpc.Hosting;

namespace ActorIpc;

/// <summary>How one replica is started: its command line, folder and environment.</summary>
internal static class ChildCommand
{
    /// <summary>
    /// The start of replica <paramref name="identity"/> of <paramref name="process"/>: the program
    /// (an assembly through the dotnet host) under setpriv when there is one, with every standard
    /// stream redirected (stdin is the child's lifeline: see <c>ParentWatch</c>), and its
    /// environment: the parent's, the topology's, then the fleet's variables (the seed, the name,
    /// the replica, the roles).
    /// </summary>
    public static ProcessStartInfo Create(ProcessSettings process, ChildIdentity identity, string seed, string secret, Launcher launcher)
    {
        var command = new List<string>();
        if (launcher.Setpriv is { } setpriv)
        {
            command.AddRange([setpriv, "--pdeathsig", "KILL", "--"]);
        }

        if (process.IsAssembly)
        {
            command.Add(launcher.DotnetHost);
        }

        command.Add(process.ProgramPath);
        command.AddRange(process.Arguments);

        var start = new ProcessStartInfo(command[0])
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = process.WorkingDirectory ?? "",
        };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in process.Environment)
        {
            start.Environment[name] = value;
        }

        // A parent that is itself supervised has these variables too: its children must not inherit
        // its roles when the topology gives them none.
        // Nor a secret the fleet does not hand them: the child's is its parent's cluster's, or none.
        start.Environment.Remove(ChildIdentity.RolesVariable);
        start.Environment.Remove(ChildIdentity.SecretVariable);
        foreach (var (name, value) in identity.ToEnvironment(seed, secret))
        {
            start.Environment[name] = value;
        }

        return start;
    }
}
