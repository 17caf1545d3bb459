using System.CommandLine;
using ActorIpc.Cli.Benchmarks;
using ActorIpc.Cli.Benchmarks.Remote;

namespace ActorIpc.Cli.Commands;

/// <summary>
/// <c>actoripc bench-node</c>, hidden from help: the second process a two-process benchmark
/// starts (a copy of this executable). It prints <c>READY ADDRESS</c> once it serves, and ends
/// when its standard input closes.
/// </summary>
internal static class BenchNodeCommand
{
    public const string Name = "bench-node";

    public const string RawOption = "--raw";

    public const string SeedOption = "--seed";

    public const string PubSubOption = "--pubsub";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var transport = TransportOption.Create("With --raw, the socket the echo server listens on (default unix). The actor node runs Akka.Remote over TCP.");
        var raw = new Option<bool>(RawOption)
        {
            Description = "Serve a bare echo server instead of actors (for 'bench raw-socket').",
        };
        var seed = new Option<string?>(SeedOption)
        {
            Description = "The bench process's node (akka.tcp://system@host:port): the actor node joins its cluster.",
        };
        var pubSub = new Option<bool>(PubSubOption)
        {
            Description = "Also put an echo of the process id in Akka's DistributedPubSub (for the Akka baseline of 'bench failover').",
        };
        var command = new Command(Name, "The node process of a two-process benchmark.")
        {
            transport,
            raw,
            seed,
            pubSub,
        };
        command.Hidden = true;
        command.SetAction((parse, cancellationToken) =>
        {
            if (parse.GetValue(raw))
            {
                var kind = TransportOption.Parse(parse.GetValue(transport)) ?? BenchTransport.Unix;
                return BenchNode.RunRawAsync(kind, stdout, cancellationToken);
            }

            if (parse.GetValue(seed) is not { Length: > 0 } address)
            {
                stderr.WriteLine($"actoripc: {Name} needs {SeedOption} ADDRESS (the bench process's node) unless it serves {RawOption}");
                return Task.FromResult(CliApp.UsageError);
            }

            return BenchNode.RunActorsAsync(address, parse.GetValue(pubSub), stdout, cancellationToken);
        });
        return command;
    }
}
