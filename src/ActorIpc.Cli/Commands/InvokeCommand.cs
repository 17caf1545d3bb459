using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.Json;
using ActorIpc.Hocon;

namespace ActorIpc.Cli.Commands;

/// <summary><c>actoripc invoke NAME METHOD JSON [--service S] [--timeout T] [--name FLEET]</c>: call a published object through a running fleet.</summary>
internal static class InvokeCommand
{
    public static Command Create(string? controlDirectory, TextWriter stdout, TextWriter stderr)
    {
        var target = new Argument<string>("NAME")
        {
            Description = "The name the object is published under.",
        };
        var method = new Argument<string>("METHOD")
        {
            Description = "The method to call.",
        };
        var arguments = new Argument<string>("JSON")
        {
            Description = "The arguments, a JSON array: '[1, \"two\", {\"three\": 3}]'.",
        };
        var service = new Option<string?>("--service")
        {
            Description = "The service interface, when the name publishes several.",
        };
        var timeout = new Option<TimeSpan?>("--timeout")
        {
            Description = "How long the call may take, a HOCON duration (500ms, 5s, 1m). Default: the fleet's invoker timeout.",
            CustomParser = ParseDuration,
        };
        return FleetClientCommand.Create(
            "invoke",
            "Call a method of a published object from the command line, through the running fleet's process; prints the result as JSON.",
            [target, method, arguments, service, timeout],
            controlDirectory,
            stderr,
            async (parse, client, token) => stdout.WriteLine(await client.InvokeAsync(
                parse.GetValue(target)!,
                parse.GetValue(method)!,
                parse.GetValue(arguments)!,
                parse.GetValue(service),
                parse.GetValue(timeout),
                token).ConfigureAwait(false)));
    }

    /// <summary>A duration as HOCON writes one, so that the command reads it as a configuration file would.</summary>
    private static TimeSpan? ParseDuration(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        try
        {
            var duration = ConfigFactory.ParseString($"t = {JsonSerializer.Serialize(text)}").GetTimeSpan("t");
            if (duration > TimeSpan.Zero && duration != Timeout.InfiniteTimeSpan)
            {
                return duration;
            }
        }
        catch (HoconException)
        {
        }

        result.AddError($"--timeout: '{text}' is not a positive duration (500ms, 5s, 1m)");
        return null;
    }
}
