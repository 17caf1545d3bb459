namespace ActorIpc.TestKit.Tests;

/// <summary>Answers a <see cref="Ping"/> with a <see cref="Pong"/>.</summary>
internal sealed class PingPongActor : ReceiveActor
{
    public PingPongActor() => Receive<Ping>(_ => Sender.Tell(new Pong(), Self));
}
