using System.Diagnostics;
using System.Text;
using ActorIpc.TestNode;

namespace ActorIpc.MultiProcess.Tests;

/// <summary>
/// A running <c>ActorIpc.TestNode</c> process. Started, it has printed READY with its address;
/// disposed, it is gone: its stdin is closed (it leaves the cluster and exits), and if it does not
/// exit in time, it and every process it started are killed. If the test process itself dies, the
/// closed stdin ends the node too.
/// </summary>
public sealed class TestNodeProcess : IAsyncDisposable
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(15);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<string> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private TestNodeProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => OnLine(e.Data, isOutput: true);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data, isOutput: false);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The node's address, as it printed it.</summary>
    public string Address { get; private set; } = "";

    /// <summary>Everything the node printed so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts a node that joins <paramref name="seed"/> with <paramref name="extraConfig"/> over its defaults, and waits for its READY line.</summary>
    public static async Task<TestNodeProcess> StartAsync(string seed, string extraConfig, TimeSpan readyTimeout)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["ACTORIPC_SEED"] = seed,
                [TestNodeConfig.ConfigVariable] = extraConfig,
            },
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ActorIpc.TestNode.dll"));

        var node = new TestNodeProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start ActorIpc.TestNode"));
        try
        {
            node.Address = await node._ready.Task.WaitAsync(readyTimeout);
            return node;
        }
        catch (Exception e)
        {
            await node.DisposeAsync();
            throw new InvalidOperationException($"the test node was not ready within {readyTimeout}: {e.Message}\n{node.Output}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            await _process.WaitForExitAsync().WaitAsync(ExitTimeout);
        }
        catch (Exception e) when (e is TimeoutException or IOException or InvalidOperationException)
        {
            // It did not go when asked: it goes now.
        }
        finally
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }
    }

    private void OnLine(string? line, bool isOutput)
    {
        if (line is null)
        {
            if (isOutput)
            {
                _ready.TrySetException(new InvalidOperationException("the test node closed its output before it was ready"));
            }

            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (isOutput && line.StartsWith(TestNodeConfig.ReadyPrefix, StringComparison.Ordinal))
        {
            _ready.TrySetResult(line[TestNodeConfig.ReadyPrefix.Length..].Trim());
        }
    }
}
