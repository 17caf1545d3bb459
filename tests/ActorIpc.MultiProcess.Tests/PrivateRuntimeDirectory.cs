using ActorIpc.Tests.Shared;

namespace ActorIpc.MultiProcess.Tests;

/// <summary>
/// A fresh 0700 directory to give child processes as <c>XDG_RUNTIME_DIR</c>, so their socket files
/// land in <see cref="SocketDirectory"/> where the test can find them; deleted with everything in it
/// on dispose.
/// </summary>
internal sealed class PrivateRuntimeDirectory : IDisposable
{
    private readonly ScratchDirectory _directory = new("aipc-mp-");

    /// <summary>The directory, to pass as <c>XDG_RUNTIME_DIR</c>.</summary>
    public string Path => _directory.Path;

    /// <summary>Where ActorIpc puts the socket files of processes that run with this <c>XDG_RUNTIME_DIR</c>.</summary>
    public string SocketDirectory => _directory.File("actoripc");

    public void Dispose() => _directory.Dispose();
}
