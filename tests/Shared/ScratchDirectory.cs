namespace ActorIpc.Tests.Shared;

/// <summary>
/// A fresh 0700 directory under /tmp, deleted with everything in it on dispose. Short, so socket
/// paths stay under the kernel's limit.
/// </summary>
internal sealed class ScratchDirectory : IDisposable
{
    /// <summary>Creates the directory <c>/tmp/PREFIX</c> followed by ten random hex digits.</summary>
    public ScratchDirectory(string prefix = "aipc-")
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("These tests use Unix sockets and file modes.");
        }

        Path = System.IO.Path.Combine("/tmp", prefix + Guid.NewGuid().ToString("N")[..10]);
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
