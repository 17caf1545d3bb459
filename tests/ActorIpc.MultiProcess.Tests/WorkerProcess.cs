using System.Diagnostics;
using System.Text;

namespace ActorIpc.MultiProcess.Tests;

/// <summary>
/// The InvokerCallee sample's worker role as a child process of the test (<c>dotnet
/// InvokerCallee.dll worker &lt;socket-name&gt;</c>): started, awaited until it prints its READY
/// line, and killed with its whole process tree by <see cref="Kill"/>, which tests call in a finally.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;

    private WorkerProcess(Process process, string address)
    {
        _process = process;
        Address = address;
    }

    /// <summary>The address the worker printed on its READY line.</summary>
    public string Address { get; }

    /// <summary>The path of the worker's callee actor.</summary>
    public string CalleePath => $"{Address}/user/callee";

    /// <summary>
    /// Starts a worker listening on the Unix socket <paramref name="socketName"/> in
    /// <paramref name="runtimeDirectory"/> (its <c>XDG_RUNTIME_DIR</c>), and waits for its READY line.
    /// </summary>
    public static async Task<WorkerProcess> StartAsync(string socketName, string runtimeDirectory, TimeSpan readyTimeout)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "InvokerCallee.dll"));
        start.ArgumentList.Add("worker");
        start.ArgumentList.Add(socketName);
        start.Environment["XDG_RUNTIME_DIR"] = runtimeDirectory;

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the InvokerCallee worker");
        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(readyTimeout);
            if (line is null || !line.StartsWith("READY ", StringComparison.Ordinal))
            {
                await process.WaitForExitAsync().WaitAsync(readyTimeout);
                lock (stderr)
                {
                    throw new InvalidOperationException($"the worker printed \"{line}\" instead of READY and exited with {process.ExitCode}:\n{stderr}");
                }
            }

            return new WorkerProcess(process, line["READY ".Length..]);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>Kills the worker and everything it started, if it still runs; waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>Kills the worker (if it still runs) without waiting.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
