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
    public void Resolve_OtherProcessPromise_IsItsNumberUnderItsParentReadOnce()
    {
        var made = new List<(PromiseParent Parent, long Number)>();
        var cache = new PathCache(Resolve, resolveTemporary: _ => null, resolvePromise: (parent, number) =>
        {
            made.Add((parent, number));
            return new StoppableRef(_system, parent.Path.Child(ActorSystemSpi.TemporaryName(number)));
        });

        var first = cache.Resolve(Field("actoripc.tcp://peer@host:4000/temp/$7"));
        var second = cache.Resolve(Field("actoripc.tcp://peer@host:4000/temp/$80"));

        Assert.Empty(_resolved);
        Assert.Equal([7L, 80L], made.Select(m => m.Number));
        Assert.Same(made[0].Parent, made[1].Parent);
        Assert.Equal(ActorPath.Parse("actoripc.tcp://peer@host:4000/temp"), made[0].Parent.Path);
        Assert.Equal("actoripc.tcp://peer@host:4000/temp/$", Encoding.UTF8.GetString(made[0].Parent.PrefixUtf8));
        Assert.Equal(ActorPath.Parse("actoripc.tcp://peer@host:4000/temp/$80"), second.Path);
        Assert.NotSame(first, second);
    }

    [Theory]
    [InlineData("actoripc.tcp://peer@host:4000/temp/$7#42")]
    [InlineData("actoripc.tcp://peer@host:4000/temp/$07")]
    [InlineData("actoripc.tcp://peer@host:4000/temp/$")]
    [InlineData("actoripc.tcp://peer@host:4000/temp/named")]
    [InlineData("actoripc.tcp://peer@host:4000/temp/$99999999999999999999")]
    public void Resolve_OtherTemporaryPathThatIsNoNumberedPromise_IsResolvedWhole(string text)
    {
        var cache = new PathCache(Resolve, resolveTemporary: _ => null, resolvePromise: (_, _) => throw new InvalidOperationException("not a numbered promise"));

        var resolved = cache.Resolve(Field(text));

        Assert.Equal([text], _resolved);
        Assert.Equal(ActorPath.Parse(text), resolved.Path);
    }

    [Theory]
    [InlineData("not a path/temp/$1")]
    [InlineData("actoripc.tcp://peer@host:port/temp/$1")]
    public void Resolve_OtherProcessPromiseUnderNoPath_IsAProtocolError(string text)
    {
        var cache = new PathCache(Resolve, resolveTemporary: _ => null, resolvePromise: (parent, number) => new StoppableRef(_system, parent.Path));

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
