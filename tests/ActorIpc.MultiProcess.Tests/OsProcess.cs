using System.Runtime.InteropServices;

namespace ActorIpc.MultiProcess.Tests;

/// <summary>
/// Signals and waits on processes by id, including those that are not this process's children
/// (a fleet's children started by another parent): Linux's pidfd becomes readable when the process
/// ends, so a test waits for that instead of polling.
/// </summary>
internal static partial class OsProcess
{
    public const int SigKill = 9;
    public const int SigStop = 19;
    public const int SigCont = 18;

    private const int SysPidfdOpen = 434;
    private const short PollIn = 1;
    private const int NoSuchProcess = 3;

    /// <summary>Sends <paramref name="signal"/> to <paramref name="processId"/>; false when there is no such process.</summary>
    public static bool Signal(int processId, int signal) => Kill(processId, signal) == 0;

    /// <summary>Whether <paramref name="processId"/> is a process that has not ended (a zombie has ended).</summary>
    public static bool IsAlive(int processId)
    {
        try
        {
            // "PID (comm) S ...": the state letter follows the last ')'.
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..][0];
            return state is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>The parent process id of <paramref name="processId"/>, or null when it is gone.</summary>
    public static int? ParentOf(int processId)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Completes with true when <paramref name="processId"/> has ended, or false after <paramref name="timeout"/>.</summary>
    public static Task<bool> WaitForExitAsync(int processId, TimeSpan timeout) => Task.Run(() =>
    {
        var pidfd = Syscall(SysPidfdOpen, processId, 0);
        if (pidfd < 0)
        {
            // No such process: it has ended (and been reaped) already.
            return Marshal.GetLastPInvokeError() == NoSuchProcess || !IsAlive(processId);
        }

        try
        {
            var fds = new PollFd { Fd = (int)pidfd, Events = PollIn };
            return Poll(ref fds, 1, (int)timeout.TotalMilliseconds) > 0 || !IsAlive(processId);
        }
        finally
        {
            Close((int)pidfd);
        }
    });

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static partial long Syscall(long number, int pid, uint flags);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static partial int Poll(ref PollFd fds, ulong count, int timeoutMilliseconds);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }
}
