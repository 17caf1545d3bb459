using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace ActorIpc;

/// <summary>
/// The actor system's publish/subscribe bus, by type: a subscriber to a type receives every
/// published event assignable to it (base classes and interfaces included). Publishing looks up
/// a cached subscriber list per concrete event type, so it costs a dictionary read and a send
/// per subscriber; subscribing clears the cache.
/// </summary>
public sealed class EventStream
{
    private readonly Lock _lock = new();
    private readonly ConcurrentDictionary<Type, ImmutableArray<IActorRef>> _byEventType = new();
    private ImmutableDictionary<Type, ImmutableHashSet<IActorRef>> _subscriptions =
        ImmutableDictionary<Type, ImmutableHashSet<IActorRef>>.Empty;

    internal EventStream()
    {
    }

    /// <summary>Subscribes <paramref name="subscriber"/> to events assignable to <paramref name="channel"/>.</summary>
    /// <returns>True when the subscription is new.</returns>
    public bool Subscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        lock (_lock)
        {
            var set = _subscriptions.GetValueOrDefault(channel, ImmutableHashSet<IActorRef>.Empty);
            if (set.Contains(subscriber))
            {
                return false;
            }

            _subscriptions = _subscriptions.SetItem(channel, set.Add(subscriber));
            _byEventType.Clear();
            return true;
        }
    }

    /// <summary>Ends <paramref name="subscriber"/>'s subscription to <paramref name="channel"/>.</summary>
    /// <returns>True when there was such a subscription.</returns>
    public bool Unsubscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        lock (_lock)
        {
            if (!_subscriptions.TryGetValue(channel, out var set) || !set.Contains(subscriber))
            {
                return false;
            }

            set = set.Remove(subscriber);
            _subscriptions = set.IsEmpty ? _subscriptions.Remove(channel) : _subscriptions.SetItem(channel, set);
            _byEventType.Clear();
            return true;
        }
    }

    /// <summary>Ends every subscription of <paramref name="subscriber"/>.</summary>
    public void Unsubscribe(IActorRef subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        lock (_lock)
        {
            foreach (var (channel, set) in _subscriptions)
            {
                if (set.Contains(subscriber))
                {
                    var rest = set.Remove(subscriber);
                    _subscriptions = rest.IsEmpty ? _subscriptions.Remove(channel) : _subscriptions.SetItem(channel, rest);
                }
            }

            _byEventType.Clear();
        }
    }

    /// <summary>Sends <paramref name="event"/> to every subscriber of a type it is assignable to.</summary>
    public void Publish(object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var type = @event.GetType();
        if (!_byEventType.TryGetValue(type, out var subscribers))
        {
            subscribers = Collect(type);
        }

        foreach (var subscriber in subscribers)
        {
            subscriber.Tell(@event, null);
        }
    }

    /// <summary>True when someone subscribes to events of <paramref name="eventType"/> (or a base of it).</summary>
    public bool HasSubscribers(Type eventType)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        return (_byEventType.TryGetValue(eventType, out var subscribers) ? subscribers : Collect(eventType)).Length > 0;
    }

    // Rare (first publish of a type after a change), so it runs under the lock: a subscribe
    // cannot clear the cache between computing a list and caching it.
    private ImmutableArray<IActorRef> Collect(Type eventType)
    {
        lock (_lock)
        {
            var builder = ImmutableArray.CreateBuilder<IActorRef>();
            var seen = new HashSet<IActorRef>();
            foreach (var (channel, set) in _subscriptions)
            {
                if (channel.IsAssignableFrom(eventType))
                {
                    foreach (var subscriber in set)
                    {
                        if (seen.Add(subscriber))
                        {
                            builder.Add(subscriber);
                        }
                    }
                }
            }

            var result = builder.ToImmutable();
            _byEventType[eventType] = result;
            return result;
        }
    }
}
