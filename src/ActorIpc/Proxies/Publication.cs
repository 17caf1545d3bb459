using Akka.Actor;

namespace ActorIpc;

/// <summary>
/// An object published under a name (<see cref="PublishedObjects.Publish{TService}"/>). Dispose it
/// to unpublish: the name's callers stop picking it, the calls in flight finish (for
/// <c>actoripc.published-objects.drain-timeout</c> at most), and its host stops.
/// </summary>
public sealed class Publication : IDisposable, IAsyncDisposable
{
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IActorRef _host = ActorRefs.Nobody;
    private int _disposed;

    internal Publication(string name, Type serviceType)
    {
        Name = name;
        ServiceType = serviceType;
    }

    /// <summary>The name the object is published under.</summary>
    public string Name { get; }

    /// <summary>The interface it is published as.</summary>
    public Type ServiceType { get; }

    /// <summary>The actor that serves its calls, registered under the name.</summary>
    internal IActorRef Host
    {
        get => _host;
        set => _host = value;
    }

    /// <summary>Unpublishes the object without waiting for its calls in flight to finish.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _host.Tell(PublishedObjectHost.Unpublish.Instance, ActorRefs.NoSender);
        }
    }

    /// <summary>Unpublishes the object and completes once its host has stopped: its calls in flight have been answered, or the drain timeout has passed.</summary>
    /// <returns>A task that completes when the host has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        Dispose();
        await _stopped.Task.ConfigureAwait(false);
    }

    /// <summary>Called when the host stops, whatever stopped it (unpublishing, the actor system's end).</summary>
    internal void HostStopped() => _stopped.TrySetResult();
}
