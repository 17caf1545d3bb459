using ActorIpc.Hocon;

namespace ActorIpc.Cli.Fleets;

/// <summary>A configuration error as compilers print theirs, so that editors jump to it: <c>file:line:col: reason (at path)</c>.</summary>
internal static class HoconErrorText
{
    public static string Of(HoconException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error.Line <= 0)
        {
            return error.Message;
        }

        // Some reasons name the path already: "expected a 32-bit integer at a.b, got ...".
        var at = error.Path is { Length: > 0 } path && !error.Reason.Contains(path, StringComparison.Ordinal) ? $" (at {path})" : "";
        return $"{error.Origin}:{error.Line}:{error.Column}: {error.Reason}{at}";
    }
}
