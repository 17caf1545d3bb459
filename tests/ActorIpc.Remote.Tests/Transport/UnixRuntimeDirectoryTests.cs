using System.Runtime.Versioning;
using ActorIpc.Remote.Transport;

namespace ActorIpc.Remote.Tests.Transport;

[UnsupportedOSPlatform("windows")]
public sealed class UnixRuntimeDirectoryTests : IDisposable
{
    private readonly ScratchDirectory _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void Resolve_Configured_WinsOverEverything()
    {
        Assert.Equal("/srv/app/sockets", UnixRuntimeDirectory.Resolve("/srv/app/sockets/", _scratch.Path, 1000));
    }

    [Fact]
    public void Resolve_UsableXdgRuntimeDir_UsesActoripcInsideIt()
    {
        Assert.Equal(Path.Combine(_scratch.Path, "actoripc"), UnixRuntimeDirectory.Resolve(null, _scratch.Path, 1000));
    }

    [Fact]
    public void Resolve_NoXdgRuntimeDir_UsesTmpWithTheUid()
    {
        Assert.Equal("/tmp/actoripc-1000", UnixRuntimeDirectory.Resolve(null, null, 1000));
        Assert.Equal("/tmp/actoripc-1000", UnixRuntimeDirectory.Resolve("", "", 1000));
    }

    [Fact]
    public void Resolve_XdgRuntimeDirMissingRelativeOrOpen_FallsBack()
    {
        var open = _scratch.File("open");
        Directory.CreateDirectory(open);
        File.SetUnixFileMode(open, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherExecute);

        Assert.Equal("/tmp/actoripc-1000", UnixRuntimeDirectory.Resolve(null, _scratch.File("missing"), 1000));
        Assert.Equal("/tmp/actoripc-1000", UnixRuntimeDirectory.Resolve(null, "relative/dir", 1000));
        Assert.Equal("/tmp/actoripc-1000", UnixRuntimeDirectory.Resolve(null, open, 1000));
    }

    [Fact]
    public void Resolve_RootWithoutXdgRuntimeDir_UsesRunNotTmp()
    {
        Assert.EndsWith("run/actoripc", UnixRuntimeDirectory.Resolve(null, null, 0), StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureSecure_ExistingFileInTheWay_RefusedAsNotADirectory()
    {
        var file = _scratch.File("file");
        File.WriteAllText(file, string.Empty);

        var failure = Assert.Throws<TransportException>(() => UnixRuntimeDirectory.EnsureSecure(file));

        Assert.Contains(file, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureSecure_Owner0700_Accepted()
    {
        UnixRuntimeDirectory.EnsureSecure(_scratch.Path);

        Assert.Equal(UnixRuntimeDirectory.OwnerOnly, File.GetUnixFileMode(_scratch.Path));
    }

    [Fact]
    public void Octal_Mode_PrintsLikeChmod()
    {
        Assert.Equal("0700", UnixRuntimeDirectory.Octal(UnixRuntimeDirectory.OwnerOnly));
        Assert.Equal("0600", UnixRuntimeDirectory.Octal(UnixRuntimeDirectory.SocketMode));
    }
}
