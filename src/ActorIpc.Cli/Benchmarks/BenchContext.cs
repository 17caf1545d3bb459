using System.Globalization;

namespace ActorIpc.Cli.Benchmarks;

/// <summary>What a benchmark run gets: where to print, whether to run a short smoke pass, and over what.</summary>
/// <param name="Output">Where figures are printed.</param>
/// <param name="Quick">
/// A short pass with few iterations, for tests that check a benchmark runs and prints its
/// headline; its figures are not meant to be compared.
/// </param>
/// <param name="Transport">
/// The socket kind a two-process benchmark measures over: what <c>--transport</c> named, else the
/// benchmark's first of <see cref="IBenchmark.Transports"/>; in-process benchmarks ignore it.
/// </param>
internal sealed record BenchContext(TextWriter Output, bool Quick, BenchTransport Transport = BenchTransport.Unix)
{
    /// <summary>Prints one figure line: <c>label: value unit</c>, aligned for reading.</summary>
    public void Figure(string label, double value, string unit) =>
        Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {label,-58} {Format(value),12} {unit}"));

    /// <summary>
    /// Prints a figure measured in several rounds, <c>label: min / median / max unit</c>, and the
    /// target it is read against, if any.
    /// </summary>
    public void Spread(string label, Timings values, string unit, string? target = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        var line = string.Create(CultureInfo.InvariantCulture, $"  {label,-58} {Format(values.Min),6} / {Format(values.Median),6} / {Format(values.Max),6} {unit,-5}");
        Output.WriteLine(target is null ? line.TrimEnd() : $"{line}  target {target}");
    }

    /// <summary>
    /// Prints what the figures depend on besides the code: the processors and the garbage
    /// collector this process runs with (the command's defaults, or what the environment set).
    /// </summary>
    public void Runtime()
    {
        var gc = GC.GetConfigurationVariables();
        var server = gc.TryGetValue("ServerGC", out var s) && s is true;
        var heaps = gc.TryGetValue("HeapCount", out var h) ? $", {h} heaps" : string.Empty;
        var datas = gc.TryGetValue("GCDynamicAdaptationMode", out var d) && d is not null && Convert.ToInt64(d, CultureInfo.InvariantCulture) == 1 ? "on" : "off";
        var background = gc.TryGetValue("ConcurrentGC", out var c) && c is true ? "on" : "off";
        Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {Environment.ProcessorCount} processors; {(server ? $"server GC{heaps}, dynamic adaptation {datas}" : "workstation GC")}, background GC {background}"));
    }

    /// <summary>Prints the closing headline line <c>name: value unit</c>, read by scripts.</summary>
    public void Headline(string name, double value, string unit) =>
        Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {Format(value)} {unit}"));

    private static string Format(double value) =>
        Math.Abs(value) >= 100 ? value.ToString("0", CultureInfo.InvariantCulture) : value.ToString("0.###", CultureInfo.InvariantCulture);
}
