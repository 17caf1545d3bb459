using System.Diagnostics;

namespace ActorIpc;

/// <summary>
/// What children are started with: the dotnet host that runs assemblies, and <c>setpriv</c>, which
/// has the kernel kill a child when its parent dies (<c>--pdeathsig KILL</c>), when it is there.
/// </summary>
/// <param name="DotnetHost">The dotnet host: a full path, or <c>dotnet</c> for <c>PATH</c>.</param>
/// <param name="Setpriv">The <c>setpriv</c> to start children under; <see langword="null"/>: none (see <paramref name="Note"/>).</param>
/// <param name="Note">Why children are not started under setpriv, for the log; <see langword="null"/> when they are.</param>
internal sealed record Launcher(string DotnetHost, string? Setpriv, string? Note)
{
    /// <summary>Finds the dotnet host and, when <paramref name="killWithParent"/>, a setpriv that knows <c>--pdeathsig</c>.</summary>
    public static Launcher Find(bool killWithParent)
    {
        var host = FindDotnetHost(Environment.ProcessPath, Environment.GetEnvironmentVariable, File.Exists);
        if (!killWithParent)
        {
            return new Launcher(host, null, "actoripc.fleet.kill-with-parent is off");
        }

        if (!OperatingSystem.IsLinux())
        {
            return new Launcher(host, null, "setpriv --pdeathsig is Linux's; this is not Linux");
        }

        var setpriv = FindOnPath("setpriv", Environment.GetEnvironmentVariable("PATH"), File.Exists);
        if (setpriv is null)
        {
            return new Launcher(host, null, "setpriv (util-linux) is not installed");
        }

        return KnowsParentDeathSignal(setpriv)
            ? new Launcher(host, setpriv, null)
            : new Launcher(host, null, $"{setpriv} does not know --pdeathsig (util-linux 2.33 or later does)");
    }

    /// <summary>
    /// The dotnet host: this process's own when it runs under it; else <c>DOTNET_HOST_PATH</c> (set
    /// by the SDK's tools), <c>DOTNET_ROOT/dotnet</c>, or <c>dotnet</c> on <c>PATH</c>.
    /// </summary>
    internal static string FindDotnetHost(string? processPath, Func<string, string?> environment, Func<string, bool> exists)
    {
        if (processPath is not null && Path.GetFileNameWithoutExtension(processPath) == "dotnet")
        {
            return processPath;
        }

        if (environment("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && exists(hostPath))
        {
            return hostPath;
        }

        if (environment("DOTNET_ROOT") is { Length: > 0 } root && Path.Combine(root, "dotnet") is var rooted && exists(rooted))
        {
            return rooted;
        }

        return "dotnet";
    }

    /// <summary>The first <paramref name="name"/> in the folders of <paramref name="path"/>, or the usual system folders.</summary>
    internal static string? FindOnPath(string name, string? path, Func<string, bool> exists) =>
        (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/bin", "/bin", "/usr/sbin", "/sbin"])
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(exists);

    private static bool KnowsParentDeathSignal(string setpriv)
    {
        try
        {
            var start = new ProcessStartInfo(setpriv, "--help") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var process = Process.Start(start);
            if (process is null)
            {
                return false;
            }

            var help = process.StandardOutput.ReadToEnd();
            process.WaitForExit(2000);
            return help.Contains("--pdeathsig", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            return false;
        }
    }
}
