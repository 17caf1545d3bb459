using ActorIpc.Hosting;
using Akka.Actor;

namespace ActorIpc.Tests.Processes;

/// <summary>
/// What makes a fleet's graceful stop and rolling restart fail no call: a node that shuts down
/// withdraws its callees from the other nodes' views first, while they still answer, instead of
/// leaving them listed until its member exits.
/// </summary>
public sealed class GracefulStopTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly ServiceKey<string> Key = new("graceful");
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Shutdown_TheNodesCalleesLeaveTheOtherViewsBeforeItsMemberIsGone()
    {
        await using var caller = await ActorIpcNode.StartAsync();
        var leaving = await ActorIpcNode.StartAsync(new NodeOptions { Seed = caller.Address.ToString() });
        var receptionist = Receptionist.Get(caller.System);
        var lostFirst = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        receptionist.Lost += (address, _) =>
        {
            if (address.Equals(leaving.Address))
            {
                lostFirst.TrySetResult(true);
            }
        };
        var listings = CreateTestProbe(caller.System);
        receptionist.Subscribe(Key, listings.Ref);
        Receptionist.Get(leaving.System).Register(Key, leaving.System.ActorOf(Props.Empty, "callee"));
        await listings.FishForMessageAsync<Listing>(l => l.Callees.Count == 1, Patience);

        var shutdown = leaving.DisposeAsync().AsTask();
        await listings.FishForMessageAsync<Listing>(l => l.Callees.Count == 0, Patience);

        // Withdrawn by the leaving node's snapshot, not dropped because its member left.
        lostFirst.TrySetResult(false);
        Assert.False(await lostFirst.Task, "the caller lost the node before its callees were withdrawn");
        await shutdown.WaitAsync(Patience);
    }

    [Fact]
    public async Task Shutdown_ARegistrationAfterTheWithdrawal_IsIgnored()
    {
        await using var caller = await ActorIpcNode.StartAsync();
        var leaving = await ActorIpcNode.StartAsync(new NodeOptions { Seed = caller.Address.ToString() });
        var callee = leaving.System.ActorOf(Props.Empty, "late");
        var listings = CreateTestProbe(leaving.System);
        var listed = new TaskCompletionSource<Listing>(TaskCreationOptions.RunContinuationsAsynchronously);
        CoordinatedShutdown.Get(leaving.System).AddTask(CoordinatedShutdown.PhaseServiceUnbind, "register-late", async () =>
        {
            // The subscription is handled after the registration (one sender, one mailbox): its
            // listing tells whether the registration took.
            var receptionist = Receptionist.Get(leaving.System);
            receptionist.Register(Key, callee);
            receptionist.Subscribe(Key, listings.Ref);
            listed.SetResult(await listings.ExpectMsgAsync<Listing>(Patience));
            return Akka.Done.Instance;
        });

        await leaving.DisposeAsync();

        Assert.Empty((await listed.Task.WaitAsync(Patience)).Callees);
    }
}
