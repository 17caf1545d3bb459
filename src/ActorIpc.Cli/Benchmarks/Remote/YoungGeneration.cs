using System.Globalization;

namespace ActorIpc.Cli.Benchmarks.Remote;

/// <summary>
/// The young-generation (gen0) budget a benchmark's node process starts with. The runtime sizes
/// that budget from the CPU's cache sizes; on a Linux machine that hides them (a VM without
/// <c>/sys/devices/system/cpu/cpu0/cache</c>, such as the one these benchmarks were tuned on) it
/// falls back to a few MB even with the server GC, and a node receiving half a gigabyte of
/// messages a second collects about a hundred times a second. There the node starts with
/// <c>DOTNET_GCgen0size</c> at <see cref="HiddenCacheBudget"/>, which only the environment can
/// set (the runtime reads no runtimeconfig property for it).
/// </summary>
/// <remarks>
/// An environment that sets <c>DOTNET_GCgen0size</c> (or its older <c>COMPlus_</c> spelling)
/// decides for itself: the node inherits it, and <c>DOTNET_GCgen0size=0</c> runs the node
/// with the runtime's own budget. The benchmark prints which budget the node ran with.
/// </remarks>
internal static class YoungGeneration
{
    /// <summary>The environment variable the runtime reads the young generation's budget from.</summary>
    public const string Variable = "DOTNET_GCgen0size";

    /// <summary>
    /// 32 MiB per heap. remote-tell on ActorIpc's previous runtime, alternated on the 2-core VM:
    /// 3.7–4.0 M msgs/s with the runtime's budget, 4.2–5.6 M with 16 MiB, 4.8–5.3 M with 32 MiB,
    /// 4.5–5.0 M with 64 MiB and 4.3–4.7 M with 128 MiB. Not measured again on Akka.Remote: the
    /// VM has shown its cache sizes since.
    /// </summary>
    public const long HiddenCacheBudget = 32L << 20;

    private const string LegacyVariable = "COMPlus_GCgen0size";

    private const string CacheDirectory = "/sys/devices/system/cpu/cpu0/cache";

    /// <summary>True on Linux when the kernel shows no cache sizes for the first CPU.</summary>
    public static bool CacheSizesHidden => OperatingSystem.IsLinux() && !Directory.Exists(CacheDirectory);

    /// <summary>
    /// The value of <see cref="Variable"/> a node process should be started with, or null when it
    /// should inherit the environment as it is: the cache sizes are readable, or the environment
    /// sets the budget already.
    /// </summary>
    /// <param name="environment">Reads an environment variable (null when it is not set).</param>
    /// <param name="cacheSizesHidden">Whether the runtime cannot read the CPU's cache sizes (<see cref="CacheSizesHidden"/>).</param>
    public static string? ForNode(Func<string, string?> environment, bool cacheSizesHidden)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!cacheSizesHidden || Inherited(environment) is not null)
        {
            return null;
        }

        // The runtime reads its numeric settings as hexadecimal.
        return "0x" + HiddenCacheBudget.ToString("X", CultureInfo.InvariantCulture);
    }

    /// <summary>How the node's budget was chosen, for the benchmark's header.</summary>
    /// <param name="value">What <see cref="ForNode"/> returned for the node.</param>
    /// <param name="environment">The environment reader <see cref="ForNode"/> was given: the node inherits what it sets.</param>
    public static string Describe(string? value, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (value is not null)
        {
            return $"young generation {HiddenCacheBudget >> 20} MiB per heap ({Variable}; this machine hides its CPU cache sizes)";
        }

        return Inherited(environment) is var (variable, inherited)
            ? $"young generation as {variable}={inherited} sets it"
            : "young generation as the runtime sizes it";
    }

    // The variable (and its value) by which the environment sets the budget, if it does; the
    // runtime reads the DOTNET_ spelling first.
    private static (string Variable, string Value)? Inherited(Func<string, string?> environment)
    {
        foreach (var variable in (ReadOnlySpan<string>)[Variable, LegacyVariable])
        {
            if (environment(variable) is { Length: > 0 } value)
            {
                return (variable, value);
            }
        }

        return null;
    }
}
