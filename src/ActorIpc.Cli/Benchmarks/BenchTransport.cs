namespace ActorIpc.Cli.Benchmarks;

/// <summary>The socket kind a two-process benchmark measures (<c>--transport</c>).</summary>
internal enum BenchTransport
{
    /// <summary>A Unix domain socket: ActorIpc's default between processes on one host.</summary>
    Unix,

    /// <summary>TCP over the loopback interface.</summary>
    Tcp,
}
