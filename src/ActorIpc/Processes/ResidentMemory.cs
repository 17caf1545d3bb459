using System.Globalization;

namespace ActorIpc;

/// <summary>A process's resident set, read from Linux's <c>/proc/PID/status</c> (its <c>VmRSS</c> line).</summary>
internal static class ResidentMemory
{
    /// <summary>The resident bytes of process <paramref name="processId"/>, or <see langword="null"/> where it cannot be read (gone, or not Linux).</summary>
    public static long? Read(int processId)
    {
        try
        {
            return Parse(File.ReadAllText(string.Create(CultureInfo.InvariantCulture, $"/proc/{processId}/status")));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// The <c>VmRSS</c> figure of a <c>/proc/PID/status</c> text, in bytes (the kernel writes
    /// kibibytes: <c>VmRSS:	  123456 kB</c>); <see langword="null"/> when there is none (a zombie
    /// has no memory lines).
    /// </summary>
    public static long? Parse(string status)
    {
        ArgumentNullException.ThrowIfNull(status);
        foreach (var line in status.AsSpan().EnumerateLines())
        {
            if (!line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                continue;
            }

            var figure = line["VmRSS:".Length..].Trim();
            var unit = figure.IndexOf(' ');
            var number = unit < 0 ? figure : figure[..unit];
            var scale = unit < 0 ? 1 : Scale(figure[(unit + 1)..].Trim());
            return scale is { } s && long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value * s : null;
        }

        return null;
    }

    /// <summary>A size as the log writes it: <c>612 MiB</c>, <c>1.5 GiB</c>, <c>900 KiB</c>.</summary>
    public static string Format(long bytes) => bytes switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.##} GiB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.#} MiB"),
        >= 1L << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 10):0.#} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
    };

    private static long? Scale(ReadOnlySpan<char> unit) => unit switch
    {
        "kB" or "KB" or "kb" => 1024,
        "mB" or "MB" => 1024 * 1024,
        "B" or "" => 1,
        _ => null,
    };
}
