namespace ActorIpc.Cli.Benchmarks.Remote;

/// <summary>
/// The second process of a two-process benchmark (<c>actoripc bench-node</c>): it serves the
/// actors or the raw echo server the bench process measures against, prints
/// <c>READY ADDRESS</c>, and lives until its standard input closes.
/// </summary>
internal static class BenchNode
{
    public const string ReadyPrefix = "READY ";

    public static async Task<int> RunRawAsync(BenchTransport transport, TextWriter stdout, CancellationToken cancellationToken)
    {
        using var server = RawEchoServer.Start(transport);
        await AnnounceAndWaitAsync(stdout, server.Endpoint.ToString(), cancellationToken).ConfigureAwait(false);
        return CliApp.Ok;
    }

    private static async Task AnnounceAndWaitAsync(TextWriter stdout, string address, CancellationToken cancellationToken)
    {
        stdout.WriteLine(ReadyPrefix + address);
        stdout.Flush();

        // The node lives as long as the bench process holds the other end of its stdin: a bench
        // process that ends, or dies, closes it. Console.In reads synchronously, hence the thread;
        // a blocked read ignores cancellation, so the wait (not the read) observes it, and SIGTERM
        // still ends the node while the bench process keeps stdin open.
        await Task.Run(() => Console.In.ReadToEnd(), CancellationToken.None).WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
