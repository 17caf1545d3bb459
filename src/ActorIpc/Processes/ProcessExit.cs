using System.Globalization;

namespace ActorIpc;

/// <summary>How a replica's process ended, and why.</summary>
/// <param name="ProcessId">The process; <see langword="null"/> when it could not be started.</param>
/// <param name="ExitCode">Its exit code (128 + N when signal N ended it); <see langword="null"/> when it could not be started.</param>
/// <param name="At">When the parent saw it end.</param>
/// <param name="Cause">
/// What led to it, as the supervisor knows it: it exited by itself, it was asked to stop, or it
/// was killed (and why: its memory, its health probes, its readiness deadline, its stop timeout),
/// or it could not be started (and the error).
/// </param>
public sealed record ProcessExit(int? ProcessId, int? ExitCode, DateTimeOffset At, string Cause)
{
    private static readonly string[] SignalNames =
    [
        "", "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1",
        "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM",
    ];

    /// <summary>
    /// The signal that ended the process, read from its exit code as shells do (128 + N); a
    /// program that itself exits with such a code reads the same.
    /// </summary>
    public int? Signal => ExitCode is > 128 and < 128 + 65 ? ExitCode - 128 : null;

    /// <summary>The exit as the log says it: <c>process 1234 killed by SIGKILL (exit code 137): it exited by itself</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        if (ProcessId is not { } pid || ExitCode is not { } code)
        {
            return Cause;
        }

        var how = Signal is { } signal
            ? string.Create(CultureInfo.InvariantCulture, $"killed by {SignalName(signal)} (exit code {code})")
            : string.Create(CultureInfo.InvariantCulture, $"exited with code {code}");
        return string.Create(CultureInfo.InvariantCulture, $"process {pid} {how}: {Cause}");
    }

    /// <summary>A signal's name, <c>SIGKILL</c>, or its number.</summary>
    internal static string SignalName(int signal) =>
        signal > 0 && signal < SignalNames.Length ? SignalNames[signal] : string.Create(CultureInfo.InvariantCulture, $"signal {signal}");
}
