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
        var showSecret = new Option<bool>("--show-secret")
        {
            Description = "Print the cluster's secret (actoripc.node.secret) as it is, instead of hidden.",
        };
        var print = new Command("print", "Print a HOCON file's resolved document (substitutions and includes applied).")
        {
            json,
            withDefaults,
            showSecret,
            file,
        };
        print.SetAction(parse => Print(parse.GetValue(file)!, parse.GetValue(json), parse.GetValue(withDefaults), stdout, stderr, parse.GetValue(showSecret)));

        return new Command("config", "Inspect HOCON configuration.") { print };
    }

    private const string SecretPath = "actoripc.node.secret";

    internal static int Print(string path, bool asJson, bool withDefaults, TextWriter stdout, TextWriter stderr, bool showSecret = false)
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

        if (!showSecret)
        {
            config = HideSecret(config);
        }

        stdout.WriteLine(asJson ? config.ToJson(indented: true) : config.ToHocon());
        return CliApp.Ok;
    }

    /// <summary>
    /// <paramref name="config"/> with the cluster's secret replaced by how long it is: a printed
    /// configuration ends up in terminals, logs and bug reports (the secret may come from
    /// <c>ACTORIPC_SECRET</c> through a substitution). An empty secret stays as it is.
    /// </summary>
    internal static Config HideSecret(Config config)
    {
        if (config.GetValue(SecretPath) is not { Type: HoconType.String } || config.GetString(SecretPath) is not { Length: > 0 } secret)
        {
            return config;
        }

        var hidden = $"{SecretPath} = \"<hidden: {secret.Length} characters; --show-secret prints it>\"";
        return ConfigFactory.ParseString(hidden).WithFallback(config).Resolve();
    }
}
