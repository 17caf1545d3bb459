using Microsoft.Extensions.Logging;

namespace ActorIpc;

/// <summary>The actor behind <see cref="BackoffSupervisor"/>.</summary>
internal sealed class BackoffSupervisorActor(BackoffOptions options) : ActorBase
{
    private IActorRef? _child;
    private int _restartCount;
    private int _generation;
    private bool _childFailed;

    protected override void PreStart() => StartChild();

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case Terminated terminated when terminated.ActorRef.Equals(_child):
                ChildStopped();
                break;
            case RestartChild:
                StartChild();
                break;
            case ResetRestartCount reset when reset.Generation == _generation:
                _restartCount = 0;
                break;
            case ResetRestartCount:
                break;
            case BackoffSupervisor.GetCurrentChild:
                Sender.Tell(new BackoffSupervisor.CurrentChild(_child), Self);
                break;
            default:
                if (_child is not null)
                {
                    _child.Forward(message);
                }
                else
                {
                    Context.System.DeadLetters.Tell(new DeadLetter(message, Sender, Self, $"the backoff supervisor's child '{options.ChildName}' is down, waiting to be restarted"), Sender);
                }

                break;
        }
    }

    // A failing child is stopped (OnFailure) so that the backoff, not the default immediate
    // restart, decides when it comes back; OnStop children are supervised as usual.
    protected override SupervisorStrategy SupervisorStrategy() =>
        options.Mode == BackoffMode.OnFailure
            ? new OneForOneStrategy(_ =>
            {
                _childFailed = true;
                return Directive.Stop;
            })
            : ActorIpc.SupervisorStrategy.Default;

    private void StartChild()
    {
        _generation++;
        _childFailed = false;
        _child = Context.Watch(Context.ActorOf(options.ChildProps, options.ChildName));
        Context.System.Scheduler.ScheduleTellOnce(options.ResetAfter, Self, new ResetRestartCount(_generation), Self);
    }

    private void ChildStopped()
    {
        _child = null;
        _generation++;
        if (options.Mode == BackoffMode.OnFailure && !_childFailed)
        {
            // The child stopped by itself, not through a failure: nothing to restart.
            Context.Stop(Self);
            return;
        }

        if (options.MaxNrOfRetries >= 0 && _restartCount >= options.MaxNrOfRetries)
        {
            Log.LogWarning("Backoff supervisor gives up on '{Child}' after {Count} restarts", options.ChildName, _restartCount);
            Context.Stop(Self);
            return;
        }

        var delay = options.DelayFor(_restartCount, Random.Shared.NextDouble());
        _restartCount++;
        Context.System.Scheduler.ScheduleTellOnce(delay, Self, RestartChild.Instance, Self);
    }

    private sealed class RestartChild
    {
        public static readonly RestartChild Instance = new();
    }

    private sealed record ResetRestartCount(int Generation);
}
