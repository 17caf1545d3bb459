using Akka.Actor;

namespace ActorIpc.MultiProcess.Tests;

/// <summary>
/// Akka's TestKit on the parent node of a <see cref="TestNodeFixture"/>: probes and expectations
/// in the test process, which is one node of the two-process cluster.
/// </summary>
public abstract class NodeTestKit(TestNodeFixture fixture) : Akka.TestKit.Xunit2.TestKit(fixture.Parent.System)
{
    /// <summary>How long a call across the processes may take in a test.</summary>
    protected static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    protected TestNodeFixture Fixture { get; } = fixture;

    /// <summary>The first exception of type <typeparamref name="T"/> in <paramref name="error"/>'s chain of inner exceptions.</summary>
    protected static T? Find<T>(Exception? error)
        where T : Exception
    {
        for (; error is not null; error = error.InnerException)
        {
            if (error is T found)
            {
                return found;
            }
        }

        return null;
    }

    // The fixture owns the node's actor system, which outlives each test: the TestKit must not
    // terminate it when a test ends.
    protected override void Shutdown(ActorSystem system, TimeSpan? duration = null, bool verifySystemShutdown = false)
    {
    }
}
