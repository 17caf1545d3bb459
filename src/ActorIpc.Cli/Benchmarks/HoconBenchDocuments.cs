using System.Globalization;
using System.Text;

namespace ActorIpc.Cli.Benchmarks;

/// <summary>
/// Writes the documents the HOCON benchmark parses: a large one (about 1 MB, spread over a
/// main file and included part files, full of substitutions, concatenations, durations, sizes
/// and arrays) and a small one of a few hundred lines, shaped like a real service configuration.
/// </summary>
internal static class HoconBenchDocuments
{
    /// <summary>How many files the large document's services are spread over.</summary>
    private const int PartCount = 4;

    /// <summary>Writes the large document into <paramref name="directory"/>; returns the main file's path.</summary>
    public static string WriteLarge(string directory, int targetBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(targetBytes);
        var main = new StringBuilder();
        main.AppendLine("# Benchmark document: defaults, then services from included parts.");
        AppendDefaults(main);

        var perPart = Math.Max(1, targetBytes / PartCount);
        var service = 0;
        for (var part = 0; part < PartCount; part++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"part-{part}.conf");
            var text = new StringBuilder();
            text.AppendLine(CultureInfo.InvariantCulture, $"# part {part}");
            while (text.Length < perPart)
            {
                AppendService(text, service++);
            }

            File.WriteAllText(Path.Combine(directory, name), text.ToString());
            main.AppendLine(CultureInfo.InvariantCulture, $"services {{ include \"{name}\" }}");
        }

        main.AppendLine("summary { first = ${services.svc-0.url}, count = " + service.ToString(CultureInfo.InvariantCulture) + " }");
        var mainPath = Path.Combine(directory, "main.conf");
        File.WriteAllText(mainPath, main.ToString());
        return mainPath;
    }

    /// <summary>A configuration of about <paramref name="services"/> * 14 lines, as one string.</summary>
    public static string Small(int services)
    {
        var text = new StringBuilder();
        AppendDefaults(text);
        text.AppendLine("services {");
        for (var i = 0; i < services; i++)
        {
            AppendService(text, i);
        }

        text.AppendLine("}");
        return text.ToString();
    }

    private static void AppendDefaults(StringBuilder text)
    {
        text.AppendLine("""
            defaults {
              host = "node.example"
              path = /var/lib/actoripc
              retries = 3
              timeout = 250ms
              frame-size = 128 KiB
              tags = [ core, "fast lane" ]
            }
            """);
    }

    private static void AppendService(StringBuilder text, int i)
    {
        text.AppendLine(CultureInfo.InvariantCulture, $$"""
              svc-{{i}} {
                name = "service number {{i}}"
                port = {{10000 + (i % 50000)}}
                weight = {{(i % 97) / 7.0}}
                enabled = {{(i % 3 != 0 ? "true" : "false")}}
                timeout = ${defaults.timeout}
                max-frame = ${defaults.frame-size}
                path = ${defaults.path}"/svc-{{i}}"
                url = "tcp://"${defaults.host}":"{{10000 + (i % 50000)}}
                tags = ${defaults.tags} [ "svc-{{i}}" ]
                limits { retries = ${defaults.retries}, backoff = {{i % 10}} s, burst = {{i % 64}} }
                limits.mailbox = 1000
              }
            """);
    }
}
