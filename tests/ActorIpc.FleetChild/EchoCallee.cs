using Akka.Actor;

namespace ActorIpc.FleetChild;

/// <summary>Answers each string with who answered: <c>NAME#REPLICA:PID:ROLES:TEXT</c>.</summary>
public sealed class EchoCallee : ReceiveActor
{
    public EchoCallee(string who) => Receive<string>(text => Sender.Tell($"{who}:{text}"));
}
