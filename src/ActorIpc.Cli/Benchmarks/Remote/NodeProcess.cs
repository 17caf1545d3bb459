using System.Diagnostics;
using ActorIpc.Cli.Commands;

namespace ActorIpc.Cli.Benchmarks.Remote;

/// <summary>
/// The node process of a two-process benchmark: a copy of this executable running
/// <c>actoripc bench-node</c>. Disposing it ends the process whatever state it is in: first by
/// closing its standard input (so that an actor node leaves the cluster and a raw node removes
/// its socket file), then, if it has not exited in time, by killing its process tree.
/// </summary>
internal sealed class NodeProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan ExitGrace = TimeSpan.FromSeconds(2);

    private readonly Process _process;
    private readonly Task _drain;

    private NodeProcess(Process process, string address, string? youngGeneration)
    {
        _process = process;
        Id = process.Id;
        Address = address;
        Description = $"node process {Id} at {Address}; {YoungGeneration.Describe(youngGeneration, Environment.GetEnvironmentVariable)}";

        // Whatever the node prints after READY is read and dropped, so it never blocks on a full pipe.
        _drain = DrainAsync(process.StandardOutput);
    }

    /// <summary>The node's process id, printed by the benchmarks so that a test can check it is gone.</summary>
    public int Id { get; }

    /// <summary>What the node printed after <c>READY</c>: its actor system's address, or the raw server's endpoint.</summary>
    public string Address { get; }

    /// <summary>The node's process id, address and young-generation budget (see <see cref="YoungGeneration"/>), for the benchmark's header.</summary>
    public string Description { get; }

    /// <summary>Starts a node serving the raw echo server (<c>bench-node --raw</c>) and waits for its <c>READY</c> line.</summary>
    /// <exception cref="InvalidOperationException">The node could not start or exited before it was ready.</exception>
    /// <exception cref="TimeoutException">The node printed no READY line in time.</exception>
    public static Task<NodeProcess> StartRawAsync(BenchTransport transport, CancellationToken cancellationToken) =>
        StartAsync([BenchNodeCommand.RawOption, "--transport", TransportOption.Format(transport)], cancellationToken);

    /// <summary>
    /// Starts a node serving the benchmark actors, joined to the cluster of the bench process's
    /// node at <paramref name="seed"/>, and waits for its <c>READY</c> line (printed once it is Up).
    /// With <paramref name="pubSub"/> it also puts an echo of its process id in DistributedPubSub.
    /// </summary>
    /// <exception cref="InvalidOperationException">The node could not start or exited before it was ready.</exception>
    /// <exception cref="TimeoutException">The node printed no READY line in time.</exception>
    public static Task<NodeProcess> StartActorsAsync(string seed, CancellationToken cancellationToken, bool pubSub = false) =>
        StartAsync(pubSub ? [BenchNodeCommand.SeedOption, seed, BenchNodeCommand.PubSubOption] : [BenchNodeCommand.SeedOption, seed], cancellationToken);

    /// <summary>Kills the node process now (SIGKILL), as a crash would end it.</summary>
    public void Kill() => Kill(_process);

    private static async Task<NodeProcess> StartAsync(string[] arguments, CancellationToken cancellationToken)
    {
        var start = LaunchCommand();
        start.ArgumentList.Add(BenchNodeCommand.Name);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var youngGeneration = YoungGeneration.ForNode(Environment.GetEnvironmentVariable, YoungGeneration.CacheSizesHidden);
        if (youngGeneration is not null)
        {
            start.Environment[YoungGeneration.Variable] = youngGeneration;
        }

        // stderr is inherited: whatever goes wrong in the node is shown where the bench runs.
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.UseShellExecute = false;
        var command = $"{start.FileName} {string.Join(' ', start.ArgumentList)}";
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start the node process: {command}");
        try
        {
            var address = await ReadReadyLineAsync(process, command, cancellationToken).ConfigureAwait(false);
            return new NodeProcess(process, address, youngGeneration);
        }
        catch
        {
            Kill(process);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            process.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The node is gone already (a broken pipe): the kill below finds nothing to do.
        }

        using (var grace = new CancellationTokenSource(ExitGrace))
        {
            try
            {
                await _process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // It did not end in time; it is killed below.
            }
        }

        Kill(_process);
        await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        await _drain.ConfigureAwait(false);
        _process.Dispose();
    }

    /// <summary>
    /// How to start this program again. Run as the apphost (<c>actoripc</c>) it starts itself;
    /// run as <c>dotnet ActorIpc.Cli.dll</c> it starts dotnet with that assembly. Hosted by
    /// another program (a test runner that calls the CLI in-process) the host is no use, so it
    /// starts the CLI's own apphost beside its assembly, or dotnet with the assembly.
    /// </summary>
    internal static ProcessStartInfo LaunchCommand()
    {
        var cli = typeof(NodeProcess).Assembly.Location;
        var host = Environment.ProcessPath;
        var hostName = Path.GetFileNameWithoutExtension(host);
        if (host is not null && hostName is "actoripc" or "ActorIpc.Cli")
        {
            return new ProcessStartInfo(host);
        }

        if (host is not null && hostName == "dotnet")
        {
            return new ProcessStartInfo(host) { ArgumentList = { cli } };
        }

        var apphost = Path.ChangeExtension(cli, OperatingSystem.IsWindows() ? ".exe" : null);
        if (File.Exists(apphost))
        {
            return new ProcessStartInfo(apphost);
        }

        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";
        return new ProcessStartInfo(dotnet) { ArgumentList = { cli } };
    }

    private static async Task<string> ReadReadyLineAsync(Process process, string command, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ReadyTimeout);
        try
        {
            while (true)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token).ConfigureAwait(false);
                if (line is null)
                {
                    await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
                    throw new InvalidOperationException($"the node process exited with code {process.ExitCode} before it was ready: {command}");
                }

                if (line.StartsWith(BenchNode.ReadyPrefix, StringComparison.Ordinal))
                {
                    return line[BenchNode.ReadyPrefix.Length..].Trim();
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"the node process printed no READY line within {ReadyTimeout.TotalSeconds:0} s: {command}");
        }
    }

    private static async Task DrainAsync(StreamReader output)
    {
        try
        {
            while (await output.ReadLineAsync().ConfigureAwait(false) is not null)
            {
            }
        }
        catch (IOException)
        {
            // The pipe broke as the node was killed.
        }
        catch (ObjectDisposedException)
        {
            // Disposed while reading.
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
    }
}
