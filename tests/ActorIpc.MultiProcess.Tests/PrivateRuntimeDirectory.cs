namespace ActorIpc.MultiProcess.Tests;

/// <summary>
/// A fresh 0700 directory to give child processes as <c>XDG_RUNTIME_DIR</c>, so their socket files
/// land in <see cref="SocketDirectory"/> where the test can find them; deleted with everything in it
/// on dispose. Short, so socket paths stay under the kernel's limit.
/// </summary>
internal sealed class PrivateRuntimeDirectory : IDisposable
{
    public PrivateRuntimeDirectory()
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The processes talk over Unix sockets in a 0700 directory.");
        }

        Path = System.IO.Path.Combine("/tmp", "aipc-mp-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>The directory, to pass as <c>XDG_RUNTIME_DIR</c>.</summary>
    public string Path { get; }

    /// <summary>Where ActorIpc puts the socket files of processes that run with this <c>XDG_RUNTIME_DIR</c>.</summary>
    public string SocketDirectory => System.IO.Path.Combine(Path, "actoripc");

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
