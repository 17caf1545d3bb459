namespace ActorIpc.TestKit.Tests;

/// <summary>Replies every message to its sender, unchanged.</summary>
internal sealed class EchoActor : ReceiveActor
{
    public EchoActor() => ReceiveAny(message => Sender.Tell(message, Self));
}
