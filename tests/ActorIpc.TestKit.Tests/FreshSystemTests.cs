namespace ActorIpc.TestKit.Tests;

/// <summary>
/// Every test gets its own actor system: xunit makes one instance of the test class per test,
/// and the kit creates the system in its constructor and terminates it when xunit ends the test.
/// </summary>
public sealed class FreshSystemTests : Xunit2.TestKit
{
    private const string Claimed = "claimed";

    // xunit runs these two tests, each in its own instance; had they one system between them,
    // the second to run would find the name taken.
    [Fact]
    public async Task AName_TakenInOneTest_IsFreeInTheOther_A() => await ClaimTheNameAsync();

    [Fact]
    public async Task AName_TakenInOneTest_IsFreeInTheOther_B() => await ClaimTheNameAsync();

    [Fact]
    public async Task TwoInstances_HaveTwoSystems_EachEndedWithItsTest()
    {
        // What xunit does for two tests of a class: an instance each, initialised, then disposed.
        var first = new SampleTest();
        var second = new SampleTest();
        await ((IAsyncLifetime)first).InitializeAsync();
        await ((IAsyncLifetime)second).InitializeAsync();
        try
        {
            Assert.NotSame(first.Sys, second.Sys);
            first.Sys.ActorOf(Props.Create<EchoActor>(), Claimed);
            var echo = second.Sys.ActorOf(Props.Create<EchoActor>(), Claimed);

            await ((IAsyncLifetime)first).DisposeAsync();

            Assert.True(first.Sys.WhenTerminated.IsCompleted);
            Assert.False(second.Sys.WhenTerminated.IsCompleted);
            Assert.Equal(new Ping("one"), await echo.Ask<Ping>(new Ping("one")));
        }
        finally
        {
            await ((IAsyncLifetime)first).DisposeAsync();
            await ((IAsyncLifetime)second).DisposeAsync();
        }

        Assert.True(second.Sys.WhenTerminated.IsCompleted);
    }

    private async Task ClaimTheNameAsync()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>(), Claimed);

        Assert.Equal(new Ping("seven"), await echo.Ask<Ping>(new Ping("seven")));
        Assert.False(Sys.WhenTerminated.IsCompleted);
    }

    /// <summary>A test class as a user writes one.</summary>
    private sealed class SampleTest : Xunit2.TestKit
    {
    }
}
