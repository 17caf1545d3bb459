using System.Diagnostics;

namespace ActorIpc;

/// <summary>
/// A started replica's operating-system process: its output read line by line as it comes (so
/// that the child never blocks on a full pipe), its exit, its standard input (closed to ask it to
/// stop), and a kill.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task _output;

    public ChildProcess(Process process, Action<LogSource, string> onLine)
    {
        _process = process;
        Id = process.Id;
        StartedAt = DateTimeOffset.UtcNow;
        _output = Task.WhenAll(
            ReadLinesAsync(process.StandardOutput, LogSource.StandardOutput, onLine),
            ReadLinesAsync(process.StandardError, LogSource.StandardError, onLine));
        Exited = WaitForExitAsync();
    }

    public int Id { get; }

    public DateTimeOffset StartedAt { get; }

    /// <summary>Completes with the exit code as soon as the process has exited (128 + N when signal N ended it).</summary>
    public Task<int> Exited { get; }

    /// <summary>Asks the child to stop: an ActorIpc node ends when its standard input closes.</summary>
    public void CloseInput()
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The child has gone already: the pipe is broken.
        }
    }

    /// <summary>Kills the process and those it started (SIGKILL).</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // It exited meanwhile.
        }
    }

    /// <summary>
    /// Completes when the output has been read to its end, or after <paramref name="patience"/>
    /// (a process the child started may hold the pipes open after the child exited).
    /// </summary>
    public Task DrainAsync(TimeSpan patience) => Task.WhenAny(_output, Task.Delay(patience));

    public void Dispose() => _process.Dispose();

    private async Task<int> WaitForExitAsync()
    {
        await _process.WaitForExitAsync().ConfigureAwait(false);
        return _process.ExitCode;
    }

    private static async Task ReadLinesAsync(StreamReader reader, LogSource source, Action<LogSource, string> onLine)
    {
        try
        {
            while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                onLine(source, line);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The pipe broke or the process object was disposed: the output has ended.
        }
    }
}
