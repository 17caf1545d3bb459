namespace ActorIpc.Cli.Benchmarks;

/// <summary>Every benchmark <c>actoripc bench</c> knows, by name.</summary>
internal static class BenchmarkCatalog
{
    public static IReadOnlyList<IBenchmark> All { get; } =
    [
        new HoconBenchmark(),
        new Remote.RemotePingPongBenchmark(),
        new Remote.RemoteTellBenchmark(),
        new Remote.RemoteAskBenchmark(),
        new Remote.InvokeBenchmark(),
        new Remote.InvokeProxyBenchmark(),
        new Remote.RawSocketBenchmark(),
        new Processes.FailoverBenchmark(),
        new Processes.ColdStartBenchmark(),
    ];
}
