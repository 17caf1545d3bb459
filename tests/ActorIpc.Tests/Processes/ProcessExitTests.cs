namespace ActorIpc.Tests.Processes;

public sealed class ProcessExitTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.UnixEpoch;

    [Fact]
    public void ToString_AnExitCode_SaysItAndWhy()
    {
        var exit = new ProcessExit(4711, 3, At, "it exited by itself");

        Assert.Null(exit.Signal);
        Assert.Equal("process 4711 exited with code 3: it exited by itself", exit.ToString());
    }

    [Theory]
    [InlineData(137, 9, "killed by SIGKILL (exit code 137)")]
    [InlineData(143, 15, "killed by SIGTERM (exit code 143)")]
    [InlineData(134, 6, "killed by SIGABRT (exit code 134)")]
    [InlineData(162, 34, "killed by signal 34 (exit code 162)")]
    public void ToString_ASignal_ReadFromTheExitCodeAsShellsDo(int code, int signal, string how)
    {
        var exit = new ProcessExit(4711, code, At, "asked to stop");

        Assert.Equal(signal, exit.Signal);
        Assert.Equal($"process 4711 {how}: asked to stop", exit.ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(128)]
    [InlineData(255)]
    public void Signal_CodesThatNoSignalMakes_Null(int code)
    {
        Assert.Null(new ProcessExit(1, code, At, "").Signal);
    }

    [Fact]
    public void ToString_NeverStarted_TheCause()
    {
        Assert.Equal("could not start /srv/tool: Permission denied", new ProcessExit(null, null, At, "could not start /srv/tool: Permission denied").ToString());
    }

    [Fact]
    public void ReplicaFailedException_NothingPrinted_SaysSo()
    {
        var error = new ReplicaFailedException("w", 1, "it ended", new ProcessExit(7, 1, At, "it exited by itself"), [new ProcessLogLine("w", 1, 7, At, LogSource.Supervisor, "started process 7")]);

        Assert.Equal("w#1 failed: it ended; last: process 7 exited with code 1: it exited by itself; it printed nothing", error.Message);
    }

    [Fact]
    public void ProcessLogLine_ToString_NamesTheReplicaItsProcessAndTheSource()
    {
        Assert.Equal("w#0 (pid 7): hello", new ProcessLogLine("w", 0, 7, At, LogSource.StandardOutput, "hello").ToString());
        Assert.Equal("w#0 (pid 7) stderr: oops", new ProcessLogLine("w", 0, 7, At, LogSource.StandardError, "oops").ToString());
        Assert.Equal("w#2 supervisor: restarting", new ProcessLogLine("w", 2, null, At, LogSource.Supervisor, "restarting").ToString());
    }
}
