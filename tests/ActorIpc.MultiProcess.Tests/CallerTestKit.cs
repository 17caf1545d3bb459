using ActorIpc.TestNode.Messages.Calls;
using Akka.Actor;
using Akka.TestKit;

namespace ActorIpc.MultiProcess.Tests;

/// <summary>
/// Akka's TestKit on the caller node of a <see cref="CallerNodeFixture"/>: probes and the invoker
/// in this process, callees in <see cref="CalleeNode"/> children.
/// </summary>
public abstract class CallerTestKit(CallerNodeFixture fixture) : Akka.TestKit.Xunit2.TestKit(fixture.Parent.System)
{
    /// <summary>How long a step across the processes (a registration seen, a message delivered) may take in a test.</summary>
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    protected Invoker Invoker => Invoker.Get(Sys);

    /// <summary>Waits until this process's receptionist lists <paramref name="count"/> callees of <paramref name="key"/>, and returns them.</summary>
    protected async Task<IReadOnlyList<IActorRef>> AwaitListedAsync(ServiceKey<IKeyedCall> key, int count)
    {
        var listings = CreateTestProbe();
        Receptionist.Get(Sys).Subscribe(key, listings.Ref);
        try
        {
            return (await listings.FishForMessageAsync<Listing>(l => l.Callees.Count == count, Patience)).Callees;
        }
        finally
        {
            Receptionist.Get(Sys).Unsubscribe(key, listings.Ref);
        }
    }

    /// <summary>Expects <paramref name="count"/> <see cref="Holding"/> notices on <paramref name="observer"/>: that many calls are in flight, held by callees.</summary>
    protected static async Task<List<Holding>> ExpectHoldingAsync(TestProbe observer, int count)
    {
        var held = new List<Holding>();
        for (var i = 0; i < count; i++)
        {
            held.Add(await observer.ExpectMsgAsync<Holding>(Patience));
        }

        return held;
    }

    // The fixture owns the node's actor system, which outlives each test: the TestKit must not
    // terminate it when a test ends.
    protected override void Shutdown(ActorSystem system, TimeSpan? duration = null, bool verifySystemShutdown = false)
    {
    }
}
