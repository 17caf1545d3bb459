using Microsoft.Extensions.Logging;

namespace ActorIpc;

/// <summary>
/// Logs dead letters, throttled: the first <c>log-dead-letters</c> ones, then nothing for
/// <c>log-dead-letters-suspend-duration</c>, after which it says how many it kept quiet about
/// and starts counting again.
/// </summary>
internal sealed class DeadLetterLogger(ActorSystemImpl system) : ActorBase
{
    private readonly int _limit = system.Settings.LogDeadLetters;
    private readonly TimeSpan _quietPeriod = system.Settings.LogDeadLettersSuspendDuration;
    private int _logged;
    private long _quietSince;
    private long _suppressed;

    public static void Start(ActorSystemImpl system)
    {
        if (system.Settings.LogDeadLetters == 0)
        {
            return;
        }

        var logger = system.SystemActorOf(Props.Create(() => new DeadLetterLogger(system)), "deadLetterListener");
        system.EventStream.Subscribe(logger, typeof(DeadLetter));
    }

    protected override void PostStop() => system.EventStream.Unsubscribe(Self);

    protected override void OnReceive(object message)
    {
        if (message is not DeadLetter letter)
        {
            Unhandled(message);
            return;
        }

        if (system.IsShuttingDown && !system.Settings.LogDeadLettersDuringShutdown)
        {
            return;
        }

        if (_logged >= _limit)
        {
            if (system.TimeProvider.GetElapsedTime(_quietSince) < _quietPeriod)
            {
                _suppressed++;
                return;
            }

            Log.LogInformation("{Suppressed} dead letters were not logged in the last {Period}", _suppressed, _quietPeriod);
            _logged = 0;
            _suppressed = 0;
        }

        _logged++;
        Log.LogInformation(
            "Message of type {MessageType} from {Sender} to {Recipient} was not delivered: {Reason} ({Logged} of {Limit} dead letters logged)",
            letter.Message.GetType().FullName, letter.Sender?.Path.ToString() ?? "no sender", letter.Recipient.Path, letter.Reason, _logged, _limit == int.MaxValue ? "all" : _limit);
        if (_logged == _limit && _limit != int.MaxValue)
        {
            _quietSince = system.TimeProvider.GetTimestamp();
            Log.LogInformation("Not logging further dead letters for {Period} (actoripc.log-dead-letters-suspend-duration)", _quietPeriod);
        }
    }
}
