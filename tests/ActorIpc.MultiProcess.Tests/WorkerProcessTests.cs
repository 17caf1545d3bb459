using System.Diagnostics;
using ActorIpc.Hocon;
using ActorIpc.Remote;
using ActorIpc.TestKit;
using InvokerCallee;

namespace ActorIpc.MultiProcess.Tests;

/// <summary>
/// The test process is the parent node; the InvokerCallee sample's worker role runs as a real
/// child process. What a process death and a restart look like from the parent.
/// </summary>
public sealed class WorkerProcessTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    // A private XDG_RUNTIME_DIR for the workers, so the test knows where their socket files are.
    private readonly PrivateRuntimeDirectory _runtime = new();
    private ActorSystem _parent = null!;
    private TestKitBase _kit = null!;

    public async Task InitializeAsync()
    {
        var config = ConfigFactory.ParseString(
                $$"""
                actoripc.remote.unix.name = "parent-{{Guid.NewGuid():N}}"
                actoripc.remote.unix.directory = "{{_runtime.SocketDirectory}}"
                actoripc.log-dead-letters = off
                """,
                new ConfigParseOptions { Resolve = false })
            .WithFallback(ConfigFactory.ParseFile(Path.Combine(AppContext.BaseDirectory, "invoker-callee.conf"), new ConfigParseOptions { Resolve = false }));
        _parent = ActorSystem.Create("parent", config);
        await Remoting.StartAsync(_parent);
        _kit = new TestKitBase(_parent);
    }

    public async Task DisposeAsync()
    {
        await _parent.Terminate();
        _runtime.Dispose();
    }

    [Fact]
    public async Task Kill_WorkerWithAskInFlight_WatcherGetsAddressTerminatedAndAskFailsAtOnce()
    {
        var worker = await WorkerProcess.StartAsync(NewSocketName(), _runtime.Path, StartTimeout);
        try
        {
            var callee = await _parent.ActorSelection(worker.CalleePath).ResolveOne();
            _kit.Watch(callee);

            // The watch went ahead of this Ask on the same connection: the reply proves it arrived.
            Assert.Equal(3, await callee.Ask<int>(new Max([1, 2, 3]), Patience));
            var sleeping = callee.Ask<string>(new Sleep(10_000), TimeSpan.FromSeconds(30));

            // A barrier: the worker answers this Identify after it read the Sleep from the same connection.
            _parent.ActorSelection($"{worker.Address}/user/barrier").Tell(new Identify("barrier"), _kit.TestActor);
            Assert.Null((await _kit.ExpectMsgAsync<ActorIdentity>(identity => "barrier".Equals(identity.MessageId), Patience)).Subject);
            Assert.False(sleeping.IsCompleted);

            var killed = Stopwatch.StartNew();
            worker.Kill();

            var terminated = await _kit.ExpectTerminatedAsync(callee, Patience);
            Assert.True(terminated.AddressTerminated);
            var thrown = await Assert.ThrowsAsync<TargetTerminatedException>(() => sleeping.WaitAsync(Patience));
            Assert.True(thrown.AddressTerminated);
            Assert.Equal(callee.Path, thrown.Target);
            Assert.True(killed.Elapsed < Patience, $"the Ask failed {killed.Elapsed} after the kill");
        }
        finally
        {
            worker.Kill();
            worker.Dispose();
        }
    }

    [Fact]
    public async Task Restart_WorkerOnTheSameSocketName_NewIncarnationAnswersAtOnce()
    {
        var socketName = NewSocketName();
        var first = await WorkerProcess.StartAsync(socketName, _runtime.Path, StartTimeout);
        WorkerProcess? second = null;
        try
        {
            var oldCallee = await _parent.ActorSelection(first.CalleePath).ResolveOne();
            _kit.Watch(oldCallee);
            Assert.Equal(2, await oldCallee.Ask<int>(new Max([1, 2]), Patience));

            await first.KillAsync();
            Assert.True((await _kit.ExpectTerminatedAsync(oldCallee, Patience)).AddressTerminated);

            // SIGKILL leaves the socket file behind: the new worker must replace it.
            var socketFile = Path.Combine(_runtime.SocketDirectory, socketName + ".sock");
            Assert.True(File.Exists(socketFile), $"expected the stale socket file {socketFile}");
            second = await WorkerProcess.StartAsync(socketName, _runtime.Path, StartTimeout);
            Assert.Equal(first.Address, second.Address);

            var newCallee = await _parent.ActorSelection(second.CalleePath).ResolveOne().WaitAsync(Patience);
            Assert.NotEqual(oldCallee.Path.Uid, newCallee.Path.Uid);
            Assert.Equal(9, await newCallee.Ask<int>(new Max([4, 9, 2]), Patience));
        }
        finally
        {
            first.Kill();
            first.Dispose();
            second?.Kill();
            second?.Dispose();
        }
    }

    private static string NewSocketName() => "worker-" + Guid.NewGuid().ToString("N")[..12];
}
