using System.Text;
using ActorIpc.Remote.Endpoints;
using ActorIpc.Remote.Wire;
using ActorIpc.Spi;

namespace ActorIpc.Remote.Tests.Endpoints;

public sealed class PathCacheTests : IAsyncLifetime
{
    private readonly List<string> _resolved = [];
    private ActorSystem _system = null!;

    public Task InitializeAsync()
    {
        _system = ActorSystem.Create("path-cache");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _system.Terminate();

    [Fact]
    public void Resolve_LiveReference_IsServedFromTheCache()
    {
        var cache = new PathCache(Resolve);

        var first = cache.Resolve(Field("actoripc.tcp://peer@host:4000/user/a"));
        var again = cache.Resolve(Field("actoripc.tcp://peer@host:4000/user/a"));

        Assert.Same(first, again);
        Assert.Equal(["actoripc.tcp://peer@host:4000/user/a"], _resolved);
    }

    [Fact]
    public void Resolve_TerminatedReference_IsResolvedAgain()
    {
        var cache = new PathCache(Resolve);
        var first = (StoppableRef)cache.Resolve(Field("/user/a"));

        first.Stopped = true;
        var next = cache.Resolve(Field("/user/a"));

        Assert.NotSame(first, next);
        Assert.Same(next, cache.Resolve(Field("/user/a")));
        Assert.Equal(["/user/a", "/user/a"], _resolved);
    }

    [Fact]
    public void Resolve_InvalidUtf8_FailsBeforeResolving()
    {
        var cache = new PathCache(Resolve);

        var error = Assert.Throws<ProtocolException>(() => cache.Resolve(new Utf8Field(FrameType.Message, "sender", 8, [0x2F, 0xFF])));

        Assert.Equal("Message frame: sender at offset 8 is not valid UTF-8", error.Message);
        Assert.Empty(_resolved);
    }

    [Fact]
    public void Resolve_TemporaryPath_AsksTheTemporaryResolverFirst_AndDecodesOnlyWhenItFindsNothing()
    {
        var promise = new StoppableRef(_system, ActorPath.Parse("actoripc://path-cache/temp/$1"));
        var cache = new PathCache(Resolve, resolveTemporary: bytes => bytes.SequenceEqual("/temp/$1"u8) ? promise : null);

        Assert.Same(promise, cache.Resolve(Field("/temp/$1")));
        Assert.Empty(_resolved);

        var other = cache.Resolve(Field("/temp/$2"));
        Assert.Equal(["/temp/$2"], _resolved);
        Assert.NotSame(other, cache.Resolve(Field("/temp/$2")));
    }

    [Fact]
    public void Resolve_OtherProcessTemporaryPath_IsBuiltOnItsParentAndKeepsItsBytes()
    {
        var built = new List<(ActorPath Path, string Text)>();
        var cache = new PathCache(Resolve, resolveTemporary: _ => null, resolveParsed: (path, utf8) =>
        {
            built.Add((path, Encoding.UTF8.GetString(utf8)));
            return new StoppableRef(_system, path);
        });

        var first = cache.Resolve(Field("actoripc.tcp://peer@host:4000/temp/$7"));
        var second = cache.Resolve(Field("actoripc.tcp://peer@host:4000/temp/$8"));

        Assert.Empty(_resolved);
        Assert.Equal(ActorPath.Parse("actoripc.tcp://peer@host:4000/temp/$7"), first.Path);
        Assert.Equal(ActorPath.Parse("actoripc.tcp://peer@host:4000/temp/$8"), second.Path);
        Assert.Equal(["actoripc.tcp://peer@host:4000/temp/$7", "actoripc.tcp://peer@host:4000/temp/$8"], built.Select(b => b.Text));
        Assert.Same(first.Path.Parent, second.Path.Parent);
    }

    [Fact]
    public void Resolve_OtherProcessTemporaryPathWithUid_IsParsedWhole()
    {
        var cache = new PathCache(Resolve, resolveTemporary: _ => null, resolveParsed: (_, _) => throw new InvalidOperationException("not for a path with a uid"));

        var resolved = cache.Resolve(Field("actoripc.tcp://peer@host:4000/temp/$7#42"));

        Assert.Equal(42, resolved.Path.Uid);
        Assert.Equal(["actoripc.tcp://peer@host:4000/temp/$7#42"], _resolved);
    }

    [Theory]
    [InlineData("actoripc.tcp://peer@host:4000/temp/")]
    [InlineData("not a path/temp/$1")]
    public void Resolve_OtherProcessTemporaryPathThatIsNoPath_IsAProtocolError(string text)
    {
        var cache = new PathCache(Resolve, resolveTemporary: _ => null, resolveParsed: (path, _) => new StoppableRef(_system, path));

        var error = Assert.Throws<ProtocolException>(() => cache.Resolve(Field(text)));

        Assert.Contains("is not an actor path", error.Message, StringComparison.Ordinal);
    }

    private static Utf8Field Field(string text) => new(FrameType.Message, "recipient", 5, Encoding.UTF8.GetBytes(text));

    private StoppableRef Resolve(string path)
    {
        _resolved.Add(path);
        return new StoppableRef(_system, ActorPath.Parse(path.StartsWith('/') ? "actoripc://path-cache" + path : path));
    }

    private sealed class StoppableRef(ActorSystem system, ActorPath path) : ExternalActorRef(system, path)
    {
        public bool Stopped { get; set; }

        public override bool IsTerminated => Stopped;

        public override void Tell(object message, IActorRef? sender)
        {
        }

        protected override void OnWatch(IActorRef watcher)
        {
        }

        protected override void OnUnwatch(IActorRef watcher)
        {
        }
    }
}
