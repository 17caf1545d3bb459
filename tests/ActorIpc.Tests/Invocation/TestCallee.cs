using Akka.Actor;

namespace ActorIpc.Tests.Invocation;

/// <summary>A callee for the invoker tests; it tells its watcher of each Hang it holds.</summary>
public sealed class TestCallee : ReceiveActor
{
    public TestCallee(IActorRef watcher)
    {
        Receive<Echo>(echo => Sender.Tell($"{Self.Path.Name}:{echo.Text}"));
        Receive<Hang>(hang => watcher.Tell($"{Self.Path.Name} holds {hang.Text}"));
        Receive<Boom>(boom => Sender.Tell(new Status.Failure(new InvalidOperationException(boom.Reason))));
        Receive<AnswerWithNumber>(_ => Sender.Tell(42));
    }

    public static Props Props(IActorRef watcher) => Akka.Actor.Props.Create(typeof(TestCallee), watcher);
}
