namespace ActorIpc.Remote.Tests.Transport;

/// <summary>A fresh 0700 directory under /tmp, deleted with everything in it on dispose. Short, so socket paths stay under the kernel's limit.</summary>
internal sealed class ScratchDirectory : IDisposable
{
    public ScratchDirectory()
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The transport tests use Unix sockets and file modes.");
        }

        Path = System.IO.Path.Combine("/tmp", "aipc-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
