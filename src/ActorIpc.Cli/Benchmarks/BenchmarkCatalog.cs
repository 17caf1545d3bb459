namespace ActorIpc.Cli.Benchmarks;

/// <summary>Every benchmark <c>actoripc bench</c> knows, by name.</summary>
internal static class BenchmarkCatalog
{
    public static IReadOnlyList<IBenchmark> All { get; } =
    [
        new HoconBenchmark(),
        new Local.LocalPingPongBenchmark(),
        new Local.LocalAskBenchmark(),
        new Local.SpawnBenchmark(),
        new Local.IdleMemoryBenchmark(),
        new Remote.RemotePingPongBenchmark(),
        new Remote.RemoteTellBenchmark(),
        new Remote.RemoteAskBenchmark(),
        new Remote.RawSocketBenchmark(),
    ];
}
