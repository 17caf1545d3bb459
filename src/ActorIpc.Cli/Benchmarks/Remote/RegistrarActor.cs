using System.Diagnostics;
using Akka.Actor;

namespace ActorIpc.Cli.Benchmarks.Remote;

/// <summary>
/// The node's <c>/user/registrar</c>: registers its own callee under
/// <see cref="BenchNode.RegistrationKey"/> on <see cref="Register"/> and deregisters it on
/// <see cref="Deregister"/>, answering each with the <see cref="Stopwatch"/> timestamp taken just
/// before. The bench process measures from it to the moment its receptionist lists the change:
/// on one machine both processes read the same monotonic clock (CLOCK_MONOTONIC on Linux,
/// QueryPerformanceCounter on Windows), so timestamps of the two compare.
/// </summary>
internal sealed class RegistrarActor : UntypedActor
{
    public const string Register = "register";

    public const string Deregister = "deregister";

    private IActorRef _callee = ActorRefs.Nobody;

    protected override void PreStart() => _callee = Context.ActorOf(Props.Create(typeof(EchoActor)), "registered");

    /// <inheritdoc />
    protected override void OnReceive(object message)
    {
        var receptionist = Receptionist.Get(Context.System);
        var at = Stopwatch.GetTimestamp();
        switch (message)
        {
            case Register:
                receptionist.Register(BenchNode.RegistrationKey, _callee);
                break;
            case Deregister:
                receptionist.Deregister(BenchNode.RegistrationKey, _callee);
                break;
            default:
                Unhandled(message);
                return;
        }

        Sender.Tell(at, Self);
    }
}
