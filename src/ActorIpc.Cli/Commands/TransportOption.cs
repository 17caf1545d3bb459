using System.CommandLine;
using ActorIpc.Cli.Benchmarks;

namespace ActorIpc.Cli.Commands;

/// <summary>The <c>--transport unix|tcp</c> option shared by <c>bench</c> and the hidden <c>bench-node</c>.</summary>
internal static class TransportOption
{
    public const string Unix = "unix";

    public const string Tcp = "tcp";

    public static Option<string> Create(string description)
    {
        var option = new Option<string>("--transport")
        {
            Description = description,
            DefaultValueFactory = _ => Unix,
        };
        option.AcceptOnlyFromAmong(Unix, Tcp);
        return option;
    }

    public static BenchTransport Parse(string? value) => value switch
    {
        null or Unix => BenchTransport.Unix,
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
