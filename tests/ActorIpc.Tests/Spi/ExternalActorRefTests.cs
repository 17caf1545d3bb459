using ActorIpc.Spi;

namespace ActorIpc.Tests.Spi;

public sealed class ExternalActorRefTests : IAsyncLifetime
{
    private ActorSystem _system = null!;

    public Task InitializeAsync()
    {
        _system = ActorSystem.Create("external-refs");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _system.Terminate();

    [Fact]
    public void Path_OfAReferenceMadeWithout_IsMadeOnFirstUseAndKept()
    {
        var reference = new LazyPathRef(_system, ActorPath.Parse("actoripc://elsewhere/temp/$3"));
        Assert.Equal(0, reference.Made);

        var first = reference.Path;
        var second = reference.Path;

        Assert.Equal(1, reference.Made);
        Assert.Same(first, second);
        Assert.Equal(ActorPath.Parse("actoripc://elsewhere/temp/$3"), first);
    }

    [Fact]
    public void Equality_OfAReferenceMadeWithoutPath_IsByThePathItMakes()
    {
        var path = ActorPath.Parse("actoripc://elsewhere/temp/$3");
        var lazy = new LazyPathRef(_system, path);
        var eager = new BlackHoleRef(_system, path);

        Assert.True(lazy.Equals(eager));
        Assert.Equal(eager.GetHashCode(), lazy.GetHashCode());
        Assert.False(lazy.Equals(new BlackHoleRef(_system, ActorPath.Parse("actoripc://elsewhere/temp/$4"))));
    }

    [Fact]
    public void Path_OfAReferenceMadeWithoutThatMakesNone_SaysSo()
    {
        var reference = new NoPathRef(_system);

        var error = Assert.Throws<InvalidOperationException>(() => reference.Path);

        Assert.Contains(nameof(NoPathRef), error.Message, StringComparison.Ordinal);
        Assert.Contains("CreatePath", error.Message, StringComparison.Ordinal);
    }

    private sealed class LazyPathRef(ActorSystem system, ActorPath path) : ExternalActorRef(system)
    {
        public int Made { get; private set; }

        public override void Tell(object message, IActorRef? sender)
        {
        }

        protected override ActorPath CreatePath()
        {
            Made++;
            return path;
        }

        protected override void OnWatch(IActorRef watcher)
        {
        }

        protected override void OnUnwatch(IActorRef watcher)
        {
        }
    }

    private sealed class NoPathRef(ActorSystem system) : ExternalActorRef(system)
    {
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
