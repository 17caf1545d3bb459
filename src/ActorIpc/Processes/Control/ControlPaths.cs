using System.Globalization;
using System.Text;

namespace ActorIpc;

/// <summary>
/// Where fleets' control sockets live: one directory per user, mode 0700
/// (<c>$XDG_RUNTIME_DIR/actoripc</c>, else <c>/tmp/actoripc-UID</c>), holding <c>NAME.sock</c>
/// (mode 0600) and the <c>NAME.lock</c> its server holds while it serves.
/// </summary>
internal static class ControlPaths
{
    public const string SocketExtension = ".sock";

    public const string LockExtension = ".lock";

    private const int MaxNameLength = 64;

    // sun_path holds 108 bytes on Linux, its terminating NUL included.
    private const int MaxSocketPathBytes = 107;

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>The directory of this user's control sockets.</summary>
    public static string DefaultDirectory() => DefaultDirectory(Environment.GetEnvironmentVariable, UserId);

    /// <summary>The directory of the control sockets, as the environment and the user id tell it.</summary>
    public static string DefaultDirectory(Func<string, string?> environment, Func<string> userId) =>
        environment("XDG_RUNTIME_DIR") is { Length: > 0 } runtime
            ? Path.Combine(runtime, "actoripc")
            : "/tmp/actoripc-" + userId();

    /// <summary>The socket of the fleet <paramref name="name"/> in <paramref name="directory"/> (<see langword="null"/>: the default one).</summary>
    /// <exception cref="ArgumentException">The name is not a fleet name, or the path is too long for a Unix socket.</exception>
    public static string SocketPath(string name, string? directory)
    {
        CheckName(name);
        var path = Path.GetFullPath(Path.Combine(directory ?? DefaultDirectory(), name + SocketExtension));
        if (Encoding.UTF8.GetByteCount(path) > MaxSocketPathBytes)
        {
            throw new ArgumentException($"the control socket path {path} is longer than a Unix socket's {MaxSocketPathBytes} bytes: use a shorter name or directory", nameof(directory));
        }

        return path;
    }

    /// <summary>Why <paramref name="name"/> is not a fleet name, or <see langword="null"/> when it is one.</summary>
    public static string? Refusal(string name) =>
        name.Length is > 0 and <= MaxNameLength && name[0] != '.' && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? null
            : $"'{name}' is not a fleet name: 1 to {MaxNameLength} letters, digits, '-', '_' or '.', not starting with '.'";

    /// <exception cref="ArgumentException">The name is not a fleet name.</exception>
    public static void CheckName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Refusal(name) is { } why)
        {
            throw new ArgumentException(why, nameof(name));
        }
    }

    /// <summary>
    /// Creates the directory with mode 0700, or sets an existing one to 0700: which only its owner
    /// can do, so a directory another user made (in /tmp, to listen in) is refused.
    /// </summary>
    /// <exception cref="FleetControlException">The directory cannot be made or belongs to another user.</exception>
    public static void PrepareDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            throw NotOnWindows();
        }

        try
        {
            Directory.CreateDirectory(directory, OwnerOnly);
            File.SetUnixFileMode(directory, OwnerOnly);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new FleetControlException(directory, $"the control directory {directory} is not this user's to use: {e.Message}", e);
        }
        catch (IOException e)
        {
            throw new FleetControlException(directory, $"cannot make the control directory {directory}: {e.Message}", e);
        }
    }

    /// <summary>The error on Windows, which has no Unix file modes.</summary>
    public static PlatformNotSupportedException NotOnWindows() =>
        new("a fleet's control socket is a Unix domain socket with Unix file modes: not on Windows");

    /// <summary>This process's real user id, from <c>/proc/self/status</c>; the user's name where there is no /proc.</summary>
    private static string UserId()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("Uid:", StringComparison.Ordinal))
                {
                    var real = line["Uid:".Length..].Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0];
                    return int.Parse(real, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }

        return Environment.UserName;
    }
}
