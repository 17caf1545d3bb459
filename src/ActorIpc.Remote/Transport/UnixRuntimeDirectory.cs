using System.Globalization;
using System.Runtime.InteropServices;

namespace ActorIpc.Remote.Transport;

/// <summary>
/// The per-user directory that holds this user's socket files, and the checks that keep other
/// users from planting sockets in it.
/// </summary>
/// <remarks>
/// <para>
/// The default is <c>$XDG_RUNTIME_DIR/actoripc</c> when <c>XDG_RUNTIME_DIR</c> names an existing
/// directory that only its owner can enter, else <c>/tmp/actoripc-&lt;uid&gt;</c>; for root it is
/// <c>/run/actoripc</c> (or <c>/var/run/actoripc</c>), because only root can create entries there.
/// The uid is the effective user id from libc's <c>geteuid</c>: no environment variable is reliable.
/// </para>
/// <para>
/// A directory is accepted when it is a real directory (not a symbolic link), its mode grants
/// nothing to group or others, and we own it. .NET has no API for a file's owner, so ownership is
/// proven by setting the mode it already has: only the owner may change a mode (root excepted,
/// which is why root never uses a shared parent like <c>/tmp</c>).
/// </para>
/// </remarks>
internal static class UnixRuntimeDirectory
{
    /// <summary>The directory's name inside <c>XDG_RUNTIME_DIR</c>.</summary>
    public const string Name = "actoripc";

    /// <summary>rwx for the owner, nothing for anyone else.</summary>
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>The mode of socket files: read and write (that is, connect) for the owner only.</summary>
    public const UnixFileMode SocketMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>The socket directory: <paramref name="configured"/> when given, else the per-user default.</summary>
    /// <exception cref="TransportException">The effective user id cannot be determined (no libc), so no default can be chosen.</exception>
    public static string Resolve(string? configured)
    {
        if (!string.IsNullOrEmpty(configured))
        {
            return Path.TrimEndingDirectorySeparator(Path.GetFullPath(configured));
        }

        return Resolve(null, Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR"), EffectiveUserId());
    }

    /// <summary>The choice of <see cref="Resolve(string?)"/> with its inputs given, for tests.</summary>
    internal static string Resolve(string? configured, string? xdgRuntimeDirectory, uint uid)
    {
        if (!string.IsNullOrEmpty(configured))
        {
            return Path.TrimEndingDirectorySeparator(Path.GetFullPath(configured));
        }

        if (IsUsableXdgDirectory(xdgRuntimeDirectory))
        {
            return Path.Combine(Path.TrimEndingDirectorySeparator(xdgRuntimeDirectory), Name);
        }

        if (uid == 0)
        {
            return Path.Combine(Directory.Exists("/run") ? "/run" : "/var/run", Name);
        }

        return string.Create(CultureInfo.InvariantCulture, $"/tmp/{Name}-{uid}");
    }

    /// <summary>
    /// Creates <paramref name="directory"/> with mode 0700 if it is missing, then checks that it
    /// is safe: see the class remarks.
    /// </summary>
    /// <exception cref="TransportException">It cannot be created, or it is not safe; the message says why and what to do.</exception>
    public static void EnsureSecure(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The Unix socket transport's runtime directory needs Unix file modes.");
        }

        var info = new DirectoryInfo(directory);
        if (!info.Exists && info.LinkTarget is null)
        {
            try
            {
                // The umask can only take bits away from 0700, so no window exists in which others could enter.
                Directory.CreateDirectory(directory, OwnerOnly);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new TransportException($"Cannot create the socket directory {directory}: {e.Message}", e);
            }

            info.Refresh();
        }

        if (info.LinkTarget is not null)
        {
            throw Unsafe(directory, $"it is a symbolic link (to {info.LinkTarget}); configure the real directory instead");
        }

        if (!info.Exists)
        {
            throw Unsafe(directory, "it is not a directory");
        }

        var mode = info.UnixFileMode;
        if ((mode & GroupOrOther) != 0)
        {
            throw Unsafe(directory, $"its mode is {Octal(mode)}, so other users could enter it; it must be 0700 (chmod 700 {directory})");
        }

        if ((mode & OwnerOnly) != OwnerOnly)
        {
            throw Unsafe(directory, $"its mode is {Octal(mode)}; its owner needs read, write and search permission (0700)");
        }

        try
        {
            File.SetUnixFileMode(directory, mode);
        }
        catch (UnauthorizedAccessException e)
        {
            throw Unsafe(directory, "it belongs to another user, who could plant sockets in it; remove it or configure another directory", e);
        }
    }

    /// <summary>A file mode as the four octal digits <c>chmod</c> takes.</summary>
    public static string Octal(UnixFileMode mode) => "0" + Convert.ToString((int)mode & 0x1FF, 8).PadLeft(3, '0');

    private static bool IsUsableXdgDirectory([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? path)
    {
        if (string.IsNullOrEmpty(path) || !Path.IsPathFullyQualified(path) || OperatingSystem.IsWindows())
        {
            return false;
        }

        // The XDG spec promises a 0700 directory owned by the user; one that isn't is not used.
        var info = new DirectoryInfo(path);
        return info.Exists && (info.UnixFileMode & GroupOrOther) == 0;
    }

    private static uint EffectiveUserId()
    {
        try
        {
            return NativeMethods.GetEffectiveUserId();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            throw new TransportException(
                $"Cannot determine the user id to choose the socket directory ({e.Message}); set {UnixTransportSettings.Path}.directory.", e);
        }
    }

    private static TransportException Unsafe(string directory, string reason, Exception? inner = null) =>
        new($"Refusing to use the socket directory {directory}: {reason}.", inner);

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "geteuid", ExactSpelling = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern uint GetEffectiveUserId();
    }
}
