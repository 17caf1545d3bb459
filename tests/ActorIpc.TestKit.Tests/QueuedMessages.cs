namespace ActorIpc.TestKit.Tests;

/// <summary>
/// The test actor is a real actor: the messages told to it reach its probe's queue on a
/// thread-pool thread. A test whose short window must already hold them waits for that first.
/// </summary>
internal static class QueuedMessages
{
    /// <summary>Waits until the test actor's probe holds at least <paramref name="count"/> messages.</summary>
    public static Task QueuedAsync(this TestKitBase kit, int count) =>
        kit.AwaitAssertAsync(() => Assert.True(kit.TestProbe.QueuedCount >= count, $"{kit.TestProbe.QueuedCount} of {count} messages queued"));
}
