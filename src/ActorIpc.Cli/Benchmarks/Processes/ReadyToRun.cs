using System.Reflection.PortableExecutable;

namespace ActorIpc.Cli.Benchmarks.Processes;

/// <summary>
/// Whether the workers a process benchmark starts (copies of this executable) run precompiled
/// code: how long a worker takes to start and join depends on it more than on anything ActorIpc
/// sets, so the benchmarks say which way they ran.
/// </summary>
internal static class ReadyToRun
{
    /// <summary>The command that publishes the command ReadyToRun, as the process benchmarks' figures in the README were measured.</summary>
    public const string PublishCommand = "dotnet publish src/ActorIpc.Cli -c Release -r linux-x64 -p:PublishReadyToRun=true -o out/actoripc";

    /// <summary>Whether the assembly at <paramref name="path"/> holds ReadyToRun code (a managed native header).</summary>
    public static bool IsCompiled(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new PEReader(stream);
            return reader.PEHeaders.CorHeader is { ManagedNativeHeaderDirectory.Size: > 0 };
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// The header line: whether Akka's assembly (most of what a worker compiles at start) and this
    /// command's are ReadyToRun here, and how to make them so when they are not.
    /// </summary>
    public static string Describe()
    {
        var akka = IsCompiled(typeof(Akka.Actor.ActorSystem).Assembly.Location);
        var command = IsCompiled(typeof(ReadyToRun).Assembly.Location);
        return akka && command
            ? "workers: ReadyToRun (published), as an application deploys them"
            : $"workers: not ReadyToRun (Akka {(akka ? "is" : "is not")}, this command {(command ? "is" : "is not")}): they compile Akka's code as they start, "
              + $"so start and restart take 0.3-0.5 s longer than a published deployment's; publish with `{PublishCommand}` and run out/actoripc/actoripc";
    }
}
