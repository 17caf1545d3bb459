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
