using ActorIpc.TestNode.Errors;
using ActorIpc.TestNode.Messages;
using Akka.Actor;

namespace ActorIpc.TestNode.Actors;

/// <summary>Hands back the exception a <see cref="Fail"/> asks for, as it asks.</summary>
public sealed class FailingActor : ReceiveActor
{
    public FailingActor()
    {
        Receive<Fail>(fail =>
        {
            var error = Thrower.Catch(fail.Kind);
            Sender.Tell(fail.Delivery switch
            {
                FailureDelivery.StatusFailure => new Status.Failure(error),
                FailureDelivery.InsideRecord => new WithError(fail.Kind, error),
                _ => error,
            });
        });
    }
}
