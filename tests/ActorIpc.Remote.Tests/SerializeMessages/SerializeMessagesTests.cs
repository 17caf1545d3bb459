using ActorIpc.Hocon;
using ActorIpc.TestKit;

namespace ActorIpc.Remote.Tests.SerializeMessages;

public sealed class SerializeMessagesTests : IAsyncLifetime
{
    private ActorSystem _system = null!;
    private TestKitBase _kit = null!;

    public async Task InitializeAsync()
    {
        var config = ConfigFactory.ParseString(
            $$"""
            actoripc.remote.unix.name = "serialize-{{Guid.NewGuid():N}}"
            actoripc.actor.serialize-messages = on
            actoripc.actor.serialization-bindings {
              "ActorIpc.Remote.Tests.SerializeMessages.SerializeMessagesTests+Portable, ActorIpc.Remote.Tests" = json
            }
            """,
            new ConfigParseOptions { Resolve = false });
        _system = ActorSystem.Create("serialize", config);
        await Remoting.StartAsync(_system);
        _kit = new TestKitBase(_system);
    }

    public async Task DisposeAsync() => await _system.Terminate();

    [Fact]
    public async Task LocalMessage_Serializable_ArrivesAsARoundTrippedCopy()
    {
        var sent = new Portable("payload", 7);

        _kit.TestActor.Tell(sent, null);

        var received = await _kit.ExpectMsgAsync<Portable>();
        Assert.Equal(sent, received);
        Assert.NotSame(sent, received);
    }

    [Fact]
    public async Task LocalMessage_NotSerializable_IsADeadLetterNamingTheReason()
    {
        var probe = _kit.CreateTestProbe();
        _system.EventStream.Subscribe(probe.Ref, typeof(DeadLetter));

        _kit.TestActor.Tell(new NotPortable(), null);

        var letter = await probe.ExpectMsgAsync<DeadLetter>();
        Assert.IsType<NotPortable>(letter.Message);
        Assert.Contains("not serializable (actoripc.actor.serialize-messages is on)", letter.Reason, StringComparison.Ordinal);
        Assert.Contains(nameof(NotPortable), letter.Reason, StringComparison.Ordinal);
        await _kit.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    public sealed record Portable(string Text, int Number);

    public sealed class NotPortable
    {
    }
}
