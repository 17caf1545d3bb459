using ActorIpc.Spi;

namespace ActorIpc.Tests.Spi;

public sealed class EndOfRunWorkTests
{
    [Fact]
    public void OutsideAnActorRun_NothingIsDeferred()
    {
        var work = new CountingWork();

        Assert.False(ActorSystemSpi.TryDeferToEndOfRun(work));
        Assert.Equal(0, work.Runs);
    }

    [Fact]
    public async Task InAHandler_WorkDeferredTwiceRunsOnce_AfterTheHandlerReturned()
    {
        await using var system = ActorSystem.Create("end-of-run");
        var work = new CountingWork();
        var deferred = new TaskCompletionSource<(bool First, bool Second, int RunsInHandler)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = system.ActorOf(Props.Create(() => new Defers(work, deferred)));

        actor.Tell("go");

        var (first, second, runsInHandler) = await deferred.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(first);
        Assert.True(second);
        Assert.Equal(0, runsInHandler);
        Assert.Equal(1, await work.FirstRun.WaitAsync(TimeSpan.FromSeconds(10)));
        await system.Terminate();
        Assert.Equal(1, work.Runs);
    }

    private sealed class CountingWork : IEndOfRunWork
    {
        private readonly TaskCompletionSource<int> _firstRun = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Runs { get; private set; }

        public Task<int> FirstRun => _firstRun.Task;

        public void Run()
        {
            Runs++;
            _firstRun.TrySetResult(Runs);
        }
    }

    private sealed class Defers(CountingWork work, TaskCompletionSource<(bool, bool, int)> deferred) : ActorBase
    {
        protected override void OnReceive(object message)
        {
            var first = ActorSystemSpi.TryDeferToEndOfRun(work);
            var second = ActorSystemSpi.TryDeferToEndOfRun(work);
            deferred.SetResult((first, second, work.Runs));
        }
    }
}
