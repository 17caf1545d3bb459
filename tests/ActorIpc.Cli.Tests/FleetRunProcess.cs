using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ActorIpc.Cli.Benchmarks.Remote;
using ActorIpc.MultiProcess.Tests;

namespace ActorIpc.Cli.Tests;

/// <summary>
/// An <c>actoripc run</c> process, its control sockets in <c>RUNTIME/actoripc</c> (its
/// XDG_RUNTIME_DIR), and every line it prints. Disposed, it is killed if it still runs, and so is
/// every replica process its output named that is still alive: no test leaves one behind.
/// </summary>
internal sealed partial class FleetRunProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Lock _gate = new();
    private readonly List<string> _stdout = [];
    private readonly List<string> _stderr = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Found)> _waiters = [];
    private readonly HashSet<int> _children = [];
    private readonly Task _reading;
    private bool _ended;

    private FleetRunProcess(Process process)
    {
        _process = process;
        _reading = Task.WhenAll(ReadAsync(process.StandardOutput, _stdout), ReadAsync(process.StandardError, _stderr));
    }

    public int Id => _process.Id;

    /// <summary>Every replica process id the run printed so far.</summary>
    public IReadOnlyCollection<int> Children
    {
        get
        {
            lock (_gate)
            {
                return [.. _children];
            }
        }
    }

    public IReadOnlyList<string> Stdout
    {
        get
        {
            lock (_gate)
            {
                return [.. _stdout];
            }
        }
    }

    public static FleetRunProcess Start(string runtimeDirectory, params string[] arguments)
    {
        var start = NodeProcess.LaunchCommand();
        start.ArgumentList.Add("run");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["XDG_RUNTIME_DIR"] = runtimeDirectory;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        return new FleetRunProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start actoripc run"));
    }

    /// <summary>The first line on standard output that <paramref name="match"/> accepts, printed already or to come.</summary>
    /// <exception cref="TimeoutException">None came within <paramref name="timeout"/>, or the process ended first; the message has all it printed.</exception>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_stdout.FirstOrDefault(match) is { } line)
            {
                return line;
            }

            if (_ended)
            {
                throw new TimeoutException($"actoripc run ended without the line expected:\n{Describe()}");
            }

            _waiters.Add((match, found));
        }

        try
        {
            return await found.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"actoripc run printed no line expected within {timeout}:\n{Describe()}");
        }
    }

    /// <summary>Waits for the process to end and for everything it printed; returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"actoripc run did not end within {timeout}:\n{Describe()}");
        }

        await _reading.WaitAsync(timeout);
        return _process.ExitCode;
    }

    /// <summary>Everything the process printed, for failure messages.</summary>
    public string Describe()
    {
        lock (_gate)
        {
            return $"stdout:\n{string.Join('\n', _stdout)}\nstderr:\n{string.Join('\n', _stderr)}";
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync();
            await _reading;
        }
        finally
        {
            foreach (var child in Children.Where(IsFleetChild))
            {
                OsProcess.Signal(child, OsProcess.SigKill);
            }

            _process.Dispose();
        }
    }

    /// <summary>Whether <paramref name="processId"/> is alive and a FleetChild (not another process that got the id since).</summary>
    public static bool IsFleetChild(int processId)
    {
        try
        {
            return OsProcess.IsAlive(processId) && File.ReadAllText($"/proc/{processId}/cmdline").Contains("ActorIpc.FleetChild", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^\S+#\d+ pid (\d+) ")]
    private static partial Regex ReplicaLine();

    private async Task ReadAsync(StreamReader reader, List<string> lines)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (_gate)
            {
                lines.Add(line);
                if (lines != _stdout)
                {
                    continue;
                }

                if (ReplicaLine().Match(line) is { Success: true } replica)
                {
                    _children.Add(int.Parse(replica.Groups[1].Value, CultureInfo.InvariantCulture));
                }

                foreach (var waiter in _waiters.Where(w => w.Match(line)).ToArray())
                {
                    _waiters.Remove(waiter);
                    waiter.Found.TrySetResult(line);
                }
            }
        }

        if (lines == _stdout)
        {
            lock (_gate)
            {
                _ended = true;
                foreach (var waiter in _waiters)
                {
                    waiter.Found.TrySetException(new TimeoutException("actoripc run ended without the line expected"));
                }

                _waiters.Clear();
            }
        }
    }
}
