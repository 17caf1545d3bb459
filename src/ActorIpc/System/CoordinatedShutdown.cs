using Microsoft.Extensions.Logging;

namespace ActorIpc;

/// <summary>
/// Shuts the system down in ordered phases (<c>actoripc.coordinated-shutdown.phases</c>): the
/// tasks of one phase run together, and the next phase starts when they are done or the
/// phase's timeout has passed. The actors stop in the last built-in phase,
/// <see cref="ActorSystemTerminatePhase"/>. A failing or late task is logged and does not stop
/// the shutdown.
/// </summary>
public sealed class CoordinatedShutdown
{
    /// <summary>The phase in which the actors stop.</summary>
    public const string ActorSystemTerminatePhase = "actor-system-terminate";

    private readonly ActorSystemImpl _system;
    private readonly IReadOnlyList<(string Phase, TimeSpan Timeout)> _phases;
    private readonly Dictionary<string, List<(string Name, Func<CancellationToken, Task> Run)>> _tasks;
    private readonly Lock _lock = new();
    private Task? _run;

    internal CoordinatedShutdown(ActorSystemImpl system, IReadOnlyList<(string Phase, TimeSpan Timeout)> phases)
    {
        _system = system;
        _phases = phases;
        _tasks = phases.ToDictionary(p => p.Phase, _ => new List<(string, Func<CancellationToken, Task>)>(), StringComparer.Ordinal);
    }

    /// <summary>The phases in the order they run.</summary>
    public IReadOnlyList<string> Phases => [.. _phases.Select(p => p.Phase)];

    /// <summary>Why the shutdown runs, once it has started.</summary>
    public string? Reason { get; private set; }

    /// <summary>
    /// Adds a task to <paramref name="phase"/>. The token is cancelled when the phase's timeout
    /// passes.
    /// </summary>
    /// <exception cref="ArgumentException">No such phase; the message lists the phases.</exception>
    /// <exception cref="InvalidOperationException">The shutdown has already started.</exception>
    public void AddTask(string phase, string taskName, Func<CancellationToken, Task> task)
    {
        ArgumentNullException.ThrowIfNull(phase);
        ArgumentException.ThrowIfNullOrWhiteSpace(taskName);
        ArgumentNullException.ThrowIfNull(task);
        lock (_lock)
        {
            if (!_tasks.TryGetValue(phase, out var tasks))
            {
                throw new ArgumentException($"unknown shutdown phase '{phase}' (phases: {string.Join(", ", Phases)})", nameof(phase));
            }

            if (_run is not null)
            {
                throw new InvalidOperationException($"cannot add '{taskName}' to '{phase}': the shutdown has already started ({Reason})");
            }

            tasks.Add((taskName, task));
        }
    }

    /// <summary>Runs the shutdown; later calls return the same task.</summary>
    public Task Run(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        lock (_lock)
        {
            if (_run is null)
            {
                Reason = reason;
                _run = Task.Run(RunPhasesAsync);
            }

            return _run;
        }
    }

    private async Task RunPhasesAsync()
    {
        _system.Log.LogInformation("Shutting down the actor system {System}: {Reason}", _system.Name, Reason);
        foreach (var (phase, timeout) in _phases)
        {
            var tasks = _tasks[phase];
            if (tasks.Count == 0)
            {
                continue;
            }

            using var cancel = new CancellationTokenSource(timeout);
            var running = tasks.Select(t => RunTaskAsync(phase, t.Name, t.Run, cancel.Token)).ToArray();
            try
            {
                await Task.WhenAll(running).WaitAsync(timeout).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                _system.Log.LogWarning("Shutdown phase {Phase} did not finish within {Timeout}; going on with the next phase", phase, timeout);
            }
        }
    }

    private async Task RunTaskAsync(string phase, string name, Func<CancellationToken, Task> run, CancellationToken cancellationToken)
    {
        try
        {
            await run(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _system.Log.LogWarning("Shutdown task {Task} of phase {Phase} was cancelled at the phase's timeout", name, phase);
        }
        catch (Exception e)
        {
            _system.Log.LogError(e, "Shutdown task {Task} of phase {Phase} failed: {Reason}", name, phase, e.Message);
        }
    }
}
