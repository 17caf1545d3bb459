using Akka.Actor;
using Akka.Event;

namespace ActorIpc.Hosting;

/// <summary>
/// The child's side of supervision: a node that a fleet started ends when its parent closes its
/// standard input. The parent holds the other end of the pipe and closes it to ask the child to
/// stop; the kernel closes it when the parent dies, even by SIGKILL, so a child never outlives its
/// parent for long even where <c>setpriv</c> is absent. The node leaves the cluster (Akka's
/// coordinated shutdown), is aborted if that takes longer than
/// <see cref="SupervisedSettings.ShutdownTimeout"/> (a dead parent answers nobody), and the
/// process exits if the program has not returned <see cref="SupervisedSettings.ExitTimeout"/>
/// after that.
/// </summary>
internal static class ParentWatch
{
    public static void Start(ActorSystem system, ChildIdentity identity, SupervisedSettings settings)
    {
        // Console reads block and ignore cancellation: a background thread of its own, which does
        // not keep the process alive, rather than a thread-pool thread held for the node's life.
        var thread = new Thread(() => WatchInput(system, identity, settings))
        {
            IsBackground = true,
            Name = "actoripc-parent-watch",
        };
        thread.Start();
    }

    private static void WatchInput(ActorSystem system, ChildIdentity identity, SupervisedSettings settings)
    {
        try
        {
            using var input = Console.OpenStandardInput();
            var buffer = new byte[256];

            // The parent writes nothing: whatever arrives is read and dropped until the end.
            while (input.Read(buffer) > 0)
            {
            }
        }
        catch (IOException)
        {
            // A broken pipe is a closed one.
        }

        _ = EndAsync(system, identity, settings);
    }

    private static async Task EndAsync(ActorSystem system, ChildIdentity identity, SupervisedSettings settings)
    {
        if (!system.WhenTerminated.IsCompleted)
        {
            Logging.GetLogger(system, typeof(ParentWatch)).Info("{0} (process {1}): the parent closed standard input; the node leaves the cluster and the process ends", identity, Environment.ProcessId);
            _ = CoordinatedShutdown.Get(system).Run(ParentClosedInputReason.Instance);
            try
            {
                await system.WhenTerminated.WaitAsync(settings.ShutdownTimeout).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Nobody to leave to: stop without the coordinated shutdown's remaining phases.
                ((ExtendedActorSystem)system).Abort();
                await system.WhenTerminated.ConfigureAwait(false);
            }
        }

        // A program that awaited its node returns now and ends the process. One still running after
        // the grace (waiting on something else) would outlive its supervision: it exits instead.
        await Task.Delay(settings.ExitTimeout).ConfigureAwait(false);
        Environment.Exit(0);
    }
}
