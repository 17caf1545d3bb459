namespace ActorIpc.Tests.Actors;

/// <summary>
/// Reports its lifecycle hooks to a probe ("prestart", "poststop", "prerestart:&lt;message&gt;",
/// "postrestart"), counts the messages it got (state that a restart loses and a resume keeps),
/// answers "count" with the count, and throws on <see cref="Crash"/>.
/// </summary>
public sealed class LifecycleProbeActor(IActorRef probe) : ActorBase
{
    private int _count;

    protected override void PreStart() => probe.Tell("prestart", Self);

    protected override void PostStop() => probe.Tell("poststop", Self);

    protected override void PreRestart(Exception reason, object? message)
    {
        probe.Tell($"prerestart:{reason.Message}", Self);
        base.PreRestart(reason, message);
    }

    protected override void PostRestart(Exception reason)
    {
        probe.Tell("postrestart", Self);
        base.PostRestart(reason);
    }

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case Crash crash:
                throw crash.Exception;
            case "count":
                Sender.Tell(_count, Self);
                break;
            default:
                _count++;
                Sender.Tell(message, Self);
                break;
        }
    }
}
