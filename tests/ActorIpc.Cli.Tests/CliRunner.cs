namespace ActorIpc.Cli.Tests;

/// <summary>Runs the <c>actoripc</c> command in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args) => RunIn(null, args);

    /// <summary>Runs the command with the fleets' control sockets in <paramref name="controlDirectory"/>.</summary>
    public static (int ExitCode, string Stdout, string Stderr) RunIn(string? controlDirectory, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr, controlDirectory);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs the command on another thread: for one that waits on a fleet, in a test that goes on meanwhile.</summary>
    public static Task<(int ExitCode, string Stdout, string Stderr)> RunInAsync(string? controlDirectory, params string[] args) =>
        Task.Run(() => RunIn(controlDirectory, args));
}
