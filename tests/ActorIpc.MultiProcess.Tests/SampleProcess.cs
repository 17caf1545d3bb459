using System.Diagnostics;
using System.Text;

namespace ActorIpc.MultiProcess.Tests;

/// <summary>
/// Runs a sample program as a separate process and collects what it prints. The process and
/// every process it started are killed when the run ends, whether it passed, failed or timed out.
/// </summary>
internal static class SampleProcess
{
    public static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string assemblyName, TimeSpan timeout, params string[] args) =>
        RunAsync(assemblyName, timeout, new Dictionary<string, string>(), args);

    /// <summary>Runs the sample with extra <paramref name="environment"/> variables (inherited by the processes it starts).</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string assemblyName, TimeSpan timeout, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, assemblyName + ".dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {assemblyName}");
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);

            // The parameterless wait also drains the redirected output.
            process.WaitForExit();
            return (process.ExitCode, Read(stdout), Read(stderr));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{assemblyName} did not exit within {timeout}; it printed:\n{Read(stdout)}\n{Read(stderr)}");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Read(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
