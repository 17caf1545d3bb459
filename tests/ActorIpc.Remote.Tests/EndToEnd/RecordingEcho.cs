namespace ActorIpc.Remote.Tests.EndToEnd;

/// <summary>Echoes every message to its sender and, when given a recorder, tells the recorder first.</summary>
internal sealed class RecordingEcho : ReceiveActor
{
    public RecordingEcho(IActorRef? recorder)
    {
        ReceiveAny(message =>
        {
            recorder?.Tell(message, Self);
            Sender.Tell(message, Self);
        });
    }

    public static Props Props(IActorRef? recorder = null) => ActorIpc.Props.Create(() => new RecordingEcho(recorder));
}
