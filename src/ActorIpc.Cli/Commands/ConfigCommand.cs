using System.CommandLine;
using ActorIpc.Configuration;
using ActorIpc.Hocon;

namespace ActorIpc.Cli.Commands;

/// <summary><c>actoripc config ...</c>: inspect HOCON configuration files.</summary>
internal static class ConfigCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var json = new Option<bool>("--json")
        {
            Description = "Print the resolved document as JSON instead of HOCON.",
        };
        var file = new Argument<string>("FILE")
        {
            Description = "The HOCON file to load; includes resolve relative to it.",
        };
        var withDefaults = new Option<bool>("--with-defaults")
        {
            Description = "Merge the document over every default a node runs with (ActorIpc's reference configuration over the Akka modules' own) before printing.",
        };
        var print = new Command("print", "Print a HOCON file's resolved document (substitutions and includes applied).")
        {
            json,
            withDefaults,
            file,
        };
        print.SetAction(parse => Print(parse.GetValue(file)!, parse.GetValue(json), parse.GetValue(withDefaults), stdout, stderr));

        return new Command("config", "Inspect HOCON configuration.") { print };
    }

    internal static int Print(string path, bool asJson, bool withDefaults, TextWriter stdout, TextWriter stderr)
    {
        if (!File.Exists(path))
        {
            stderr.WriteLine($"actoripc: no such file: {path}");
            return CliApp.InvalidInput;
        }

        Config config;
        try
        {
            // With defaults, substitutions resolve over the merged document, as an actor system sees it.
            config = withDefaults
                ? ConfigFactory.ParseFile(path, new ConfigParseOptions { Resolve = false }).WithFallback(ActorIpcConfig.Defaults).Resolve()
                : ConfigFactory.ParseFile(path);
        }
        catch (HoconException e)
        {
            stderr.WriteLine($"actoripc: {e.Message}");
            return CliApp.InvalidInput;
        }
        catch (IOException e)
        {
            stderr.WriteLine($"actoripc: cannot read {path}: {e.Message}");
            return CliApp.InvalidInput;
        }
        catch (UnauthorizedAccessException e)
        {
            stderr.WriteLine($"actoripc: cannot read {path}: {e.Message}");
            return CliApp.InvalidInput;
        }

        stdout.WriteLine(asJson ? config.ToJson(indented: true) : config.ToHocon());
        return CliApp.Ok;
    }
}
