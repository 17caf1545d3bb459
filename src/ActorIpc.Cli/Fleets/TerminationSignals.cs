using System.Runtime.InteropServices;

namespace ActorIpc.Cli.Fleets;

/// <summary>
/// SIGINT (Ctrl-C) and SIGTERM, taken over from the runtime while registered: instead of ending the
/// process they complete <see cref="Received"/>, so that the fleet stops in order first. A signal
/// after the first is taken too: the stop is under way.
/// </summary>
internal sealed class TerminationSignals : IDisposable
{
    private readonly TaskCompletionSource<PosixSignal> _received = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;

    public TerminationSignals()
    {
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Take);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Take);
    }

    /// <summary>The first signal received.</summary>
    public Task<PosixSignal> Received => _received.Task;

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
    }

    private void Take(PosixSignalContext context)
    {
        context.Cancel = true;
        _received.TrySetResult(context.Signal);
    }
}
