namespace ActorIpc.Tests.Configuration;

/// <summary>
/// The shared HOCON conformance cases (<c>../shared/conformance/hocon</c> beside the repository, or
/// the folder named by <c>ACTORIPC_CONFORMANCE</c>, as <c>test.sh</c> finds them).
/// </summary>
internal static class ConformanceCases
{
    public const string Variable = "ACTORIPC_CONFORMANCE";

    /// <summary>The folder of cases, or an explanation of where it was looked for.</summary>
    public static (string? Directory, string Searched) Find()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured)
        {
            return (System.IO.Directory.Exists(configured) ? configured : null, configured);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ActorIpc.sln")))
            {
                var cases = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "conformance", "hocon"));
                return (System.IO.Directory.Exists(cases) ? cases : null, cases);
            }
        }

        return (null, $"a folder ../shared/conformance/hocon beside the repository root above {AppContext.BaseDirectory}");
    }

    /// <summary>The names of the cases that must load (those with an expected.json), sorted.</summary>
    public static IEnumerable<string> Valid(string directory) =>
        System.IO.Directory.GetDirectories(directory)
            .Where(d => File.Exists(Path.Combine(d, "expected.json")) && File.Exists(Path.Combine(d, "input.conf")))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal);

    /// <summary>Applies a case's <c>env</c> file: <c>NAME=VALUE</c> sets, <c>-NAME</c> unsets.</summary>
    public static void ApplyEnvironment(string caseDirectory)
    {
        var env = Path.Combine(caseDirectory, "env");
        if (!File.Exists(env))
        {
            return;
        }

        foreach (var line in File.ReadAllLines(env).Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            if (line.StartsWith('-'))
            {
                Environment.SetEnvironmentVariable(line[1..], null);
            }
            else
            {
                var eq = line.IndexOf('=', StringComparison.Ordinal);
                Environment.SetEnvironmentVariable(line[..eq], line[(eq + 1)..]);
            }
        }
    }
}
