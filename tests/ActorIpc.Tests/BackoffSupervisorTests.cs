using ActorIpc.Tests.Actors;
using Xunit.Abstractions;

namespace ActorIpc.Tests;

public sealed class BackoffSupervisorTests(ITestOutputHelper output) : TestKit.Xunit2.TestKit(output)
{
    [Fact]
    public async Task OnFailure_ChildFails_IsStartedAgainAfterBackoff()
    {
        var options = BackoffOptions.OnFailure(Props.Create(() => new LifecycleProbeActor(TestActor)), "worker", TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(1), 0.2);
        var supervisor = Sys.ActorOf(BackoffSupervisor.Props(options));
        await ExpectMsgAsync("prestart");

        supervisor.Tell(new Crash(new InvalidOperationException("down")), TestActor);

        await ExpectMsgAsync("poststop");
        await ExpectMsgAsync("prestart");
        supervisor.Tell("forwarded", TestActor);
        await ExpectMsgAsync("forwarded");
        var current = await supervisor.Ask<BackoffSupervisor.CurrentChild>(BackoffSupervisor.GetCurrentChild.Instance);
        Assert.Equal("worker", current.Ref!.Path.Name);
    }

    [Fact]
    public async Task OnStop_ChildStops_IsStartedAgain()
    {
        var options = BackoffOptions.OnStop(Props.Create(() => new LifecycleProbeActor(TestActor)), "worker", TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(1), 0);
        var supervisor = Sys.ActorOf(BackoffSupervisor.Props(options));
        await ExpectMsgAsync("prestart");

        var child = await supervisor.Ask<BackoffSupervisor.CurrentChild>(BackoffSupervisor.GetCurrentChild.Instance);
        child.Ref!.Tell(PoisonPill.Instance, TestActor);

        await ExpectMsgAsync("poststop");
        await ExpectMsgAsync("prestart");
    }

    [Fact]
    public async Task MaxNrOfRetries_Exceeded_SupervisorStops()
    {
        var options = BackoffOptions.OnFailure(Props.Create(() => new LifecycleProbeActor(TestActor)), "worker", TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(50), 0)
            with { MaxNrOfRetries = 1, ResetAfter = TimeSpan.FromMinutes(10) };

        // The count must not start over between the two crashes, however slow the machine: the
        // reset comes only after the child has run for ResetAfter, here far beyond the test.
        var supervisor = Sys.ActorOf(BackoffSupervisor.Props(options));
        Watch(supervisor);
        await ExpectMsgAsync("prestart");

        supervisor.Tell(new Crash(new InvalidOperationException("1")), TestActor);
        await ExpectMsgAsync("poststop");
        await ExpectMsgAsync("prestart");
        supervisor.Tell(new Crash(new InvalidOperationException("2")), TestActor);
        await ExpectMsgAsync("poststop");

        await ExpectTerminatedAsync(supervisor);
    }

    [Fact]
    public void DelayFor_GrowsExponentiallyUpToTheMaximumWithJitter()
    {
        var options = BackoffOptions.OnStop(Props.Create<EchoActor>(), "x", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), 0.5);

        Assert.Equal(TimeSpan.FromSeconds(1), options.DelayFor(0, 0));
        Assert.Equal(TimeSpan.FromSeconds(4), options.DelayFor(2, 0));
        Assert.Equal(TimeSpan.FromSeconds(10), options.DelayFor(10, 0));
        Assert.Equal(TimeSpan.FromSeconds(15), options.DelayFor(10, 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => BackoffOptions.OnStop(Props.Create<EchoActor>(), "x", TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1), 0));
    }
}
