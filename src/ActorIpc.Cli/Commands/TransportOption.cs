using System.CommandLine;
using ActorIpc.Cli.Benchmarks;

namespace ActorIpc.Cli.Commands;

/// <summary>The <c>--transport unix|tcp</c> option shared by <c>bench</c> and the hidden <c>bench-node</c>.</summary>
internal static class TransportOption
{
    public const string Unix = "unix";

    public const string Tcp = "tcp";

    /// <summary>
    /// The option, without a default: left out, each benchmark measures over its own first
    /// transport (<see cref="IBenchmark.Transports"/>), so that <c>bench remote-ask</c> runs over
    /// TCP and <c>bench raw-socket</c> over a Unix socket without being told.
    /// </summary>
    public static Option<string?> Create(string description)
    {
        var option = new Option<string?>("--transport")
        {
            Description = description,
        };
        option.AcceptOnlyFromAmong(Unix, Tcp);
        return option;
    }

    /// <summary>The transport named on the command line, or null when the option was left out.</summary>
    public static BenchTransport? Parse(string? value) => value switch
    {
        null => null,
        Unix => BenchTransport.Unix,
        Tcp => BenchTransport.Tcp,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "the transport is unix or tcp"),
    };

    public static string Format(BenchTransport transport) => transport switch
    {
        BenchTransport.Unix => Unix,
        BenchTransport.Tcp => Tcp,
        _ => throw new ArgumentOutOfRangeException(nameof(transport), transport, "the transport is unix or tcp"),
    };
}
