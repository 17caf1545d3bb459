using Spectre.Console;

namespace ActorIpc.Cli.Fleets;

/// <summary>Whether a command writes for a person at a terminal (a live table, colours) or for a pipe (plain lines, no ANSI).</summary>
internal static class Terminal
{
    /// <summary>Whether <paramref name="stdout"/> is this process's standard output and that is a terminal that takes ANSI.</summary>
    public static bool IsInteractive(TextWriter stdout) =>
        ReferenceEquals(stdout, Console.Out)
        && !Console.IsOutputRedirected
        && AnsiConsole.Profile.Capabilities is { Ansi: true, Interactive: true };
}
