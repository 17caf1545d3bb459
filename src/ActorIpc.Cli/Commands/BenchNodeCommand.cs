using System.CommandLine;
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

    public static Command Create(TextWriter stdout)
    {
        var transport = TransportOption.Create("The socket the node listens on.");
        var raw = new Option<bool>(RawOption)
        {
            Description = "Serve a bare echo server instead of actors (for 'bench raw-socket').",
        };
        var command = new Command(Name, "The node process of a two-process benchmark.")
        {
            transport,
            raw,
        };
        command.Hidden = true;
        command.SetAction((parse, cancellationToken) =>
        {
            var kind = TransportOption.Parse(parse.GetValue(transport));
            return BenchNode.RunRawAsync(kind, stdout, cancellationToken);
        });
        return command;
    }
}
